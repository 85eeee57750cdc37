package org.spotcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every table the migrations create has a row in the data lifecycle table (docs/data-lifecycle.md): how long, and what removes it. */
class DataLifecycleDocumentedTest {

    @Test
    void everyTableSaysHowLongItsRowsLive() throws IOException {
        List<String> tables = new ArrayList<>();
        try (Stream<Path> migrations = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path migration : migrations.toList()) {
                Matcher created = Pattern.compile("(?i)create table (\\w+)").matcher(Files.readString(migration));
                while (created.find()) {
                    tables.add(created.group(1));
                }
            }
        }
        String lifecycle = Files.readString(Path.of("docs/data-lifecycle.md"));
        assertThat(tables).hasSizeGreaterThan(20);
        assertThat(tables).allSatisfy(table -> assertThat(lifecycle).as(table).contains("`" + table + "`"));
    }
}
