package org.spotcheck.bench;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;

/**
 * spotcheck's own rows of a case waiting for its verdict (seller, listing, case, flag,
 * budget, persona, purchase, evidence, verification round), copied from a template case
 * that took the real path, for many cases in a few set-based statements: what a verdict
 * and the counterfeit path after it read. Its timeline and custody entries are not copied
 * (a copied custody entry would break the hash chain; the verdict starts the item's chain).
 */
final class CaseRows {

    /** Table, and how its rows of the template case are found ({@code :case} is its pk). */
    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("seller", "t.id = (select seller_pk from spot_case where id = :case)");
        TABLES.put("listing", "t.id = (select listing_pk from spot_case where id = :case)");
        TABLES.put("spot_case", "t.id = :case");
        for (String table : List.of("flag", "budget_reservation", "persona_assignment", "test_purchase", "evidence_item",
                "verification")) {
            TABLES.put(table, "t.case_pk = :case");
        }
    }

    private final long templatePk;
    private final String templateNumber;
    private final List<String> inserts = new ArrayList<>();

    CaseRows(Connection c, String templateNumber) throws SQLException {
        this.templateNumber = templateNumber;
        try (PreparedStatement s = c.prepareStatement("select id from spot_case where case_number = ?")) {
            s.setString(1, templateNumber);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                templatePk = rs.getLong(1);
            }
        }
        for (Map.Entry<String, String> table : TABLES.entrySet()) {
            inserts.add(insert(c, table.getKey(), table.getValue().replace(":case", Long.toString(templatePk))));
        }
    }

    /**
     * insert ... select of the template's rows, one per copy in {@code seed_case}: keys of the
     * copy's seller, listing and case, unique text made unique by the copy's case number,
     * times shifted with the copy's engine rows.
     */
    private String insert(Connection c, String table, String where) throws SQLException {
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                select column_name, data_type from information_schema.columns
                where table_schema = 'public' and table_name = ? order by ordinal_position""")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String column = rs.getString(1);
                    String value = value(table, column, rs.getString(2));
                    if (value != null) {
                        columns.add(column);
                        values.add(value);
                    }
                }
            }
        }
        return "insert into " + table + " (" + String.join(", ", columns) + ") select " + String.join(", ", values)
                + " from seed_case sc cross join " + table + " t where " + where;
    }

    private String value(String table, String column, String type) {
        return switch (column) {
            case "id" -> switch (table) {
                case "seller" -> "sc.seller_pk";
                case "listing" -> "sc.listing_pk";
                case "spot_case" -> "sc.case_pk";
                default -> null; // the table's own sequence
            };
            case "case_pk" -> "sc.case_pk";
            case "seller_pk" -> "sc.seller_pk";
            case "listing_pk" -> "sc.listing_pk";
            case "network_id" -> "sc.seller_pk"; // a seller of its own network
            case "case_number" -> "sc.case_number";
            case "process_instance_id" -> "sc.process_instance_id";
            case "seller_id", "listing_id", "flag_id" -> "t." + column + " || '-' || sc.case_number";
            default -> type.startsWith("timestamp") ? "t." + column + " + sc.shift_ms * interval '1 millisecond'"
                    : type.equals("character varying") || type.equals("text")
                    ? "replace(t." + column + ", '" + templateNumber + "', sc.case_number)" : "t." + column;
        };
    }

    /** One copied case: its number, its engine instance, and how far its times are shifted. */
    record Seeded(String caseNumber, String processInstanceId, long shiftMillis) {
    }

    /** Writes the rows of {@code cases}, in the connection's transaction. */
    void copy(Connection c, List<Seeded> cases) throws SQLException {
        if (cases.isEmpty()) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("""
                    create temp table if not exists seed_case (
                        case_number varchar(30), process_instance_id varchar(64), shift_ms bigint,
                        seller_pk bigint default nextval('seller_id_seq'), listing_pk bigint default nextval('listing_id_seq'),
                        case_pk bigint default nextval('spot_case_id_seq')) on commit delete rows""");
        }
        StringBuilder rows = new StringBuilder();
        for (Seeded seeded : cases) {
            rows.append(seeded.caseNumber).append('\t').append(seeded.processInstanceId).append('\t')
                    .append(seeded.shiftMillis).append('\n');
        }
        try {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy seed_case (case_number, process_instance_id, shift_ms)"
                    + " from stdin", new StringReader(rows.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Statement s = c.createStatement()) {
            for (String insert : inserts) {
                s.execute(insert);
            }
            s.execute("truncate seed_case"); // another template's cases may follow in this transaction
        }
    }
}
