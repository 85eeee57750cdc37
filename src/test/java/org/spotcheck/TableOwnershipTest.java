package org.spotcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.spotcheck.support.Migrations;

/**
 * Each capability owns its tables: only its own package reads, writes or joins them; other
 * capabilities ask it. The read models that must join across capabilities are explicit
 * projections, named here. The SQL of every main class is scanned (text blocks and string
 * literals), so a new join into another capability's table fails the build.
 */
class TableOwnershipTest {

    /** Owner package of each table the migrations create. */
    static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("spot_case", "cases"), Map.entry("timeline_entry", "cases"),
            Map.entry("flag", "intake"), Map.entry("flag_signal", "intake"), Map.entry("relay_position", "intake"),
            Map.entry("listing", "listing"), Map.entry("purge_cursor", "listing"),
            Map.entry("seller", "network"), Map.entry("seller_identity_key", "network"),
            Map.entry("exploration_day", "triage"),
            Map.entry("budget_year", "purchase"), Map.entry("budget_reservation", "purchase"),
            Map.entry("persona", "purchase"), Map.entry("persona_assignment", "purchase"),
            Map.entry("test_purchase", "purchase"),
            Map.entry("evidence_item", "evidence"), Map.entry("custody_entry", "evidence"),
            Map.entry("company_asset", "evidence"),
            Map.entry("verification", "verification"), Map.entry("verifier", "verification"),
            Map.entry("verifier_brand", "verification"), Map.entry("lab_category", "verification"),
            Map.entry("sanction", "enforcement"), Map.entry("platform_command", "enforcement"),
            Map.entry("referral_decision", "enforcement"),
            Map.entry("referral", "referral"), Map.entry("referral_outcome", "referral"),
            Map.entry("appeal", "appeal"),
            Map.entry("reporter_standing", "standing"), Map.entry("case_reporter", "standing"),
            Map.entry("outbox_event", "messaging"), Map.entry("dev_account", "security"));

    /** The read models that join across capabilities, one place each: they read, and write none of it. */
    static final Set<String> PROJECTIONS = Set.of("cases/CaseViewProjection.java", "reporting/KpiProjection.java",
            "reporting/DashboardProjection.java",
            "reporting/TransparencyProjection.java",
            "referral/LeadPackageProjection.java");

    private static final Path MAIN = Path.of("src/main/java/org/spotcheck");
    private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    /** A table after a keyword, schema-qualified or not. */
    private static final Pattern TABLE = Pattern.compile("(?i)\\b(from|join|into|update|table|using)\\s+(?:\\w+\\.)?(\\w+)");
    /** The further tables of a comma join: {@code from flag f, spot_case c}. */
    private static final Pattern COMMA_JOIN = Pattern.compile("(?i),\\s*(?:\\w+\\.)?(\\w+)\\s+(?:as\\s+)?\\w+\\s*(?=,|\\bwhere\\b|\\bjoin\\b|\\)|$)");
    private static final Pattern WRITE = Pattern.compile("(?i)\\b(insert\\s+into|update|delete\\s+from)\\s+(\\w+)");

    @Test
    void everyTableHasAnOwner() throws IOException {
        Set<String> tables = Migrations.tables();
        assertThat(OWNERS.keySet()).as("tables the migrations create").containsExactlyInAnyOrderElementsOf(tables);
    }

    @Test
    void onlyTheOwnerUsesATableAndProjectionsOnlyReadOthers() throws IOException {
        List<String> trespasses = new ArrayList<>();
        int references = 0;
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String name = MAIN.relativize(file).toString();
                String capability = name.contains("/") ? name.substring(0, name.indexOf('/')) : "";
                for (String sql : sqlOf(Files.readString(file))) {
                    for (String table : tables(sql)) {
                        String owner = OWNERS.get(table.toLowerCase());
                        if (owner == null) {
                            continue; // a column, a function, a CTE: not one of our tables
                        }
                        references++;
                        if (!owner.equals(capability) && !PROJECTIONS.contains(name)) {
                            trespasses.add(name + " uses " + table + " (owned by " + owner + ")");
                        }
                    }
                    Matcher written = WRITE.matcher(sql);
                    while (written.find()) {
                        String owner = OWNERS.get(written.group(2).toLowerCase());
                        if (owner != null && !owner.equals(capability)) {
                            trespasses.add(name + " writes " + written.group(2) + " (owned by " + owner + ")");
                        }
                    }
                }
            }
        }
        assertThat(references).as("table references found: the scan reads SQL").isGreaterThan(100);
        assertThat(trespasses).isEmpty();
    }

    /** The scan finds the tables of a statement however it names them, as any trespass would be written. */
    @Test
    void theScanSeesEveryWayOfNamingATable() {
        String code = "jdbc.sql(\"\"\"\n select l.price_cny from spot_case c\n join listing l on l.id = c.listing_pk\"\"\");"
                + " jdbc.sql(\"select 1 from flag f, public.seller s, verifier v where f.x = s.y\");"
                + " jdbc.sql(\"delete from persona p using test_purchase t where t.persona = p.id\")";
        List<String> found = new ArrayList<>();
        for (String sql : sqlOf(code)) {
            found.addAll(tables(sql));
        }
        assertThat(found).containsExactlyInAnyOrder("spot_case", "listing", "flag", "seller", "verifier", "persona",
                "test_purchase");
    }

    private static List<String> tables(String sql) {
        List<String> found = new ArrayList<>();
        Matcher used = TABLE.matcher(sql);
        while (used.find()) {
            found.add(used.group(2));
        }
        Matcher more = COMMA_JOIN.matcher(sql);
        while (more.find()) {
            found.add(more.group(1));
        }
        return found;
    }

    private static List<String> sqlOf(String code) {
        List<String> sql = new ArrayList<>();
        Matcher blocks = TEXT_BLOCK.matcher(code);
        while (blocks.find()) {
            sql.add(blocks.group(1));
        }
        Matcher strings = STRING.matcher(TEXT_BLOCK.matcher(code).replaceAll(" "));
        while (strings.find()) {
            sql.add(strings.group(1));
        }
        return sql;
    }
}
