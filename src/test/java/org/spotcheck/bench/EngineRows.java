package org.spotcheck.bench;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.postgresql.PGConnection;

/**
 * Every row the engine wrote for one process instance (runtime, history, authorizations),
 * read back once so that it can be written again for many instances, each under ids of its
 * own from the engine's id generator, with its own business key and its times shifted.
 * Copies are indistinguishable from instances the engine ran itself, at COPY speed.
 */
final class EngineRows {

    /**
     * The tables an instance has rows in, in an order that satisfies the engine's foreign keys
     * (byte arrays and executions first, identity links after their tasks), each with how its
     * rows of one instance are found. Child executions and open tasks' authorizations carry no
     * root instance id, so they are found through the instance or its tasks.
     */
    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        String root = "root_proc_inst_id_ = ?";
        String tasks = "(select id_ from act_ru_task where proc_inst_id_ = ?)";
        TABLES.put("act_ge_bytearray", root);
        TABLES.put("act_ru_execution", "proc_inst_id_ = ?");
        TABLES.put("act_ru_task", "proc_inst_id_ = ?");
        TABLES.put("act_ru_identitylink", "task_id_ in " + tasks);
        TABLES.put("act_ru_variable", "proc_inst_id_ = ?");
        TABLES.put("act_ru_event_subscr", "proc_inst_id_ = ?");
        TABLES.put("act_ru_job", "process_instance_id_ = ?");
        TABLES.put("act_ru_incident", "proc_inst_id_ = ?");
        TABLES.put("act_ru_authorization", root + " or resource_id_ in " + tasks);
        for (String history : List.of("act_hi_procinst", "act_hi_actinst", "act_hi_taskinst", "act_hi_varinst",
                "act_hi_detail", "act_hi_identitylink", "act_hi_job_log", "act_hi_op_log", "act_hi_decinst",
                "act_hi_dec_in", "act_hi_dec_out", "act_hi_incident", "act_hi_comment", "act_hi_attachment")) {
            TABLES.put(history, root);
        }
    }

    /** An engine id, alone or after an activity id ({@code Task_AwaitVerdict:<uuid>}). */
    private static final Pattern ID = Pattern.compile("([A-Za-z0-9_-]+:)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private record Table(String name, String[] columns, int[] types, List<Object[]> rows, int typeColumn,
                         int nameColumn, int longColumn) {
    }

    final String processInstanceId;
    final String businessKey;
    private final List<Table> tables = new ArrayList<>();
    /** Ids of this instance's own rows and operations: each copy gets new ones. */
    private final Set<String> ownIds = new HashSet<>();
    private int rowCount;

    private EngineRows(String processInstanceId, String businessKey) {
        this.processInstanceId = processInstanceId;
        this.businessKey = businessKey;
    }

    /**
     * @param sharedIds ids that all instances share (deployments, definitions, job
     *                  definitions): they stay as they are in every copy
     */
    static EngineRows read(Connection c, String processInstanceId, Set<String> sharedIds) throws SQLException {
        String businessKey;
        try (PreparedStatement s = c.prepareStatement("select business_key_ from act_hi_procinst where id_ = ?")) {
            s.setString(1, processInstanceId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                businessKey = rs.getString(1);
            }
        }
        EngineRows template = new EngineRows(processInstanceId, businessKey);
        for (Map.Entry<String, String> table : TABLES.entrySet()) {
            String where = table.getValue();
            try (PreparedStatement s = c.prepareStatement("select * from " + table.getKey() + " where " + where)) {
                for (int i = 1; i <= where.chars().filter(ch -> ch == '?').count(); i++) {
                    s.setString(i, processInstanceId);
                }
                try (ResultSet rs = s.executeQuery()) {
                    template.add(table.getKey(), rs, sharedIds);
                }
            }
        }
        return template;
    }

    private void add(String name, ResultSet rs, Set<String> sharedIds) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        String[] columns = new String[meta.getColumnCount()];
        int[] types = new int[columns.length];
        int typeColumn = -1;
        int nameColumn = -1;
        int longColumn = -1;
        for (int i = 0; i < columns.length; i++) {
            columns[i] = meta.getColumnName(i + 1);
            types[i] = meta.getColumnType(i + 1);
            switch (columns[i]) {
                case "var_type_" -> typeColumn = i;
                case "type_" -> typeColumn = name.equals("act_ru_variable") ? i : typeColumn;
                case "name_" -> nameColumn = i;
                case "long_" -> longColumn = i;
                default -> { }
            }
        }
        List<Object[]> rows = new ArrayList<>();
        while (rs.next()) {
            Object[] row = new Object[columns.length];
            for (int i = 0; i < columns.length; i++) {
                row[i] = types[i] == Types.TIMESTAMP ? rs.getObject(i + 1, LocalDateTime.class) : rs.getObject(i + 1);
                if (row[i] instanceof String value && ID.matcher(value).matches() && !sharedIds.contains(value)) {
                    ownIds.add(value);
                }
            }
            rows.add(row);
        }
        rowCount += rows.size();
        tables.add(new Table(name, columns, types, rows, longColumn >= 0 ? typeColumn : -1, nameColumn, longColumn));
    }

    /**
     * Drops the secondary indexes of the history tables copies are written to, for the
     * length of a bulk load: maintained row by row they made up most of its time. The
     * runtime tables, which the measured calls read, keep theirs as the engine grows them.
     * @return the statements that create them again
     */
    static List<String> dropHistoryIndexes(Connection c) throws SQLException {
        Map<String, String> indexes = new LinkedHashMap<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("""
                    select i.indexname, i.indexdef from pg_indexes i
                    where i.schemaname = 'public' and i.tablename like 'act\\_hi\\_%'
                      and not exists (select 1 from pg_constraint k where k.conname = i.indexname)""")) {
                while (rs.next()) {
                    indexes.put(rs.getString(1), rs.getString(2));
                }
            }
            for (String index : indexes.keySet()) {
                s.execute("drop index " + index);
            }
        }
        return new ArrayList<>(indexes.values());
    }

    int rowsPerInstance() {
        return rowCount;
    }

    /** How one copy differs from its template. */
    record Copy(String businessKey, long shiftMillis, Map<String, String> textReplacements, Map<String, Long> longVariables) {
    }

    /** Buffers of COPY text, one per table, filled with the rows of many copies and then written. */
    static final class Batch {
        private final Map<String, StringBuilder> text = new LinkedHashMap<>();
        private final Map<String, String> columns = new HashMap<>();
        private long rows;

        long rows() {
            return rows;
        }

        /** Writes every table's rows with COPY, in foreign-key order, in the connection's transaction. */
        void write(Connection c) throws SQLException {
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (String table : TABLES.keySet()) {
                StringBuilder rows = text.get(table);
                if (rows == null || rows.isEmpty()) {
                    continue;
                }
                try {
                    copy.copyIn("copy " + table + " (" + columns.get(table) + ") from stdin", new StringReader(rows.toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /** Adds one copy of this instance to {@code batch}. @return the copy's process instance id */
    String copyInto(Batch batch, Copy copy, IdGenerator ids) {
        Map<String, String> newIds = new HashMap<>(ownIds.size() * 2);
        for (String id : ownIds) {
            int colon = id.lastIndexOf(':');
            newIds.put(id, colon < 0 ? ids.getNextId() : id.substring(0, colon + 1) + ids.getNextId());
        }
        for (Table table : tables) {
            if (table.rows.isEmpty()) {
                continue;
            }
            batch.columns.computeIfAbsent(table.name, t -> String.join(", ", table.columns));
            StringBuilder out = batch.text.computeIfAbsent(table.name, t -> new StringBuilder(1 << 16));
            for (Object[] row : table.rows) {
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) {
                        out.append('\t');
                    }
                    appendValue(out, table, row, i, copy, newIds);
                }
                out.append('\n');
                batch.rows++;
            }
        }
        return newIds.get(processInstanceId);
    }

    private void appendValue(StringBuilder out, Table table, Object[] row, int i, Copy copy, Map<String, String> newIds) {
        Object value = row[i];
        if (i == table.longColumn && value != null && table.typeColumn >= 0) {
            // date variables are stored as epoch millis: shifted with the copy's times
            if ("date".equals(row[table.typeColumn])) {
                value = (Long) value + copy.shiftMillis;
            }
            Long own = table.nameColumn >= 0 ? copy.longVariables.get((String) row[table.nameColumn]) : null;
            if (own != null) {
                value = own;
            }
        }
        if (value == null) {
            out.append("\\N");
        } else if (value instanceof String text) {
            String mapped = newIds.get(text);
            if (mapped == null) {
                mapped = text.equals(businessKey) ? copy.businessKey : text;
                for (Map.Entry<String, String> replacement : copy.textReplacements.entrySet()) {
                    if (mapped.contains(replacement.getKey())) {
                        mapped = mapped.replace(replacement.getKey(), replacement.getValue());
                    }
                }
            }
            escape(out, mapped);
        } else if (value instanceof LocalDateTime time) {
            appendTimestamp(out, time.plusNanos(copy.shiftMillis * 1_000_000));
        } else if (value instanceof OffsetDateTime time) {
            out.append(time.plusNanos(copy.shiftMillis * 1_000_000));
        } else if (value instanceof Boolean flag) {
            out.append(flag ? 't' : 'f');
        } else if (value instanceof byte[] bytes) {
            out.append("\\\\x");
            for (byte b : bytes) {
                out.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
        } else {
            out.append(value);
        }
    }

    /** yyyy-MM-dd HH:mm:ss.SSSSSS, by hand: a DateTimeFormatter took much of the copying time. */
    private static void appendTimestamp(StringBuilder out, LocalDateTime t) {
        out.append(t.getYear()).append('-');
        pad(out, t.getMonthValue(), 2).append('-');
        pad(out, t.getDayOfMonth(), 2).append(' ');
        pad(out, t.getHour(), 2).append(':');
        pad(out, t.getMinute(), 2).append(':');
        pad(out, t.getSecond(), 2).append('.');
        pad(out, t.getNano() / 1000, 6);
    }

    private static StringBuilder pad(StringBuilder out, int value, int digits) {
        for (int limit = 10, i = 1; i < digits; i++, limit *= 10) {
            if (value < limit) {
                out.append('0');
            }
        }
        return out.append(value);
    }

    /** COPY text format: backslash, tab, newline and carriage return are escaped. */
    private static void escape(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
    }
}
