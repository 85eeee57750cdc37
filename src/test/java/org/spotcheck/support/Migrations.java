package org.spotcheck.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What the Flyway migrations in src/main/resources/db/migration create. */
public final class Migrations {

    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)create table (?:if not exists )?(\\w+)");

    private Migrations() {
    }

    /** @return every table a migration creates, lower case */
    public static Set<String> tables() throws IOException {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> migrations = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path migration : migrations.toList()) {
                Matcher created = CREATE_TABLE.matcher(Files.readString(migration));
                while (created.find()) {
                    tables.add(created.group(1).toLowerCase());
                }
            }
        }
        return tables;
    }
}
