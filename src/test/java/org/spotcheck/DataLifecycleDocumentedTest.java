package org.spotcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.spotcheck.support.Migrations;

/** Every table the migrations create has a row in the data lifecycle table (docs/data-lifecycle.md): how long, and what removes it. */
class DataLifecycleDocumentedTest {

    @Test
    void everyTableSaysHowLongItsRowsLive() throws IOException {
        Set<String> tables = Migrations.tables();
        String lifecycle = Files.readString(Path.of("docs/data-lifecycle.md"));
        assertThat(tables).hasSizeGreaterThan(20);
        assertThat(tables).allSatisfy(table -> assertThat(lifecycle).as(table).contains("`" + table + "`"));
    }
}
