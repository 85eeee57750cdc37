package org.spotcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.comments.Comment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Small pieces read quickly: no top-level class over {@value #CLASS_LINES} lines and no
 * method or constructor over {@value #METHOD_LINES} lines, unless a comment at it says why,
 * starting with {@code Size:} ("Size: one statement per step of the batch, kept together").
 */
class SizeLimitsTest {

    static final int CLASS_LINES = 200;
    static final int METHOD_LINES = 40;

    @Test
    void classesAndMethodsStaySmallOrSayWhyNot() throws IOException {
        StaticJavaParser.getParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17);
        List<String> tooLong = new ArrayList<>();
        int methods = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                CompilationUnit unit = StaticJavaParser.parse(file);
                for (TypeDeclaration<?> type : unit.getTypes()) {
                    if (lines(type) > CLASS_LINES && !explained(type)) {
                        tooLong.add(file + ": class " + type.getNameAsString() + " has " + lines(type) + " lines");
                    }
                }
                for (CallableDeclaration<?> method : unit.findAll(CallableDeclaration.class)) {
                    methods++;
                    if (lines(method) > METHOD_LINES && !explained(method)) {
                        tooLong.add(file + ":" + method.getBegin().orElseThrow().line + ": " + method.getNameAsString()
                                + " has " + lines(method) + " lines");
                    }
                }
            }
        }
        assertThat(methods).as("methods read").isGreaterThan(500);
        assertThat(tooLong).as("too long, and no comment starting with 'Size:' says why").isEmpty();
    }

    private static int lines(Node node) {
        return node.getEnd().orElseThrow().line - node.getBegin().orElseThrow().line + 1;
    }

    /** A comment on the declaration, or inside it, that starts with "Size:". */
    private static boolean explained(Node node) {
        List<Comment> comments = new ArrayList<>(node.getAllContainedComments());
        node.getComment().ifPresent(comments::add);
        return comments.stream().anyMatch(c -> c.getContent().lines()
                .map(line -> line.strip().replaceFirst("^\\*?\\s*(<p>)?\\s*", "")).anyMatch(line -> line.startsWith("Size:")));
    }
}
