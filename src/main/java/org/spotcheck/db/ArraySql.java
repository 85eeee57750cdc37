package org.spotcheck.db;

import java.sql.PreparedStatement;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Set-based statements over PostgreSQL arrays ({@code unnest(?::int8[], ...)}): one
 * round trip for a whole batch of rows, where one statement per row would cost a
 * round trip each. Parameters are arrays ({@link #of}) or single values.
 */
public final class ArraySql {

    private ArraySql() {
    }

    /** A PostgreSQL array parameter of the given element type, e.g. {@code varchar}, {@code int8}, {@code numeric}. */
    public record Column(String type, Object[] values) {
    }

    public static Column of(String type, List<?> values) {
        return new Column(type, values.toArray());
    }

    /** One column of many rows: each row's value (nulls kept, as SQL NULL). */
    public static <T> Column of(String type, List<T> rows, java.util.function.Function<T, ?> value) {
        Object[] values = new Object[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value.apply(rows.get(i));
        }
        return new Column(type, values);
    }

    public static <T> List<T> query(JdbcTemplate jdbc, String sql, RowMapper<T> rows, Object... params) {
        return jdbc.query(connection -> prepare(connection, sql, params), rows);
    }

    public static int update(JdbcTemplate jdbc, String sql, Object... params) {
        return jdbc.update(connection -> prepare(connection, sql, params));
    }

    private static PreparedStatement prepare(java.sql.Connection connection, String sql, Object... params)
            throws java.sql.SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            if (params[i] instanceof Column column) {
                statement.setArray(i + 1, connection.createArrayOf(column.type(), column.values()));
            } else {
                statement.setObject(i + 1, params[i]);
            }
        }
        return statement;
    }
}
