package org.spotcheck.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.spotcheck.dev.EmbeddedInfrastructure;
import org.spotcheck.support.SharedInfrastructure;

/**
 * Upgrading an installation that stored every flag as a case (V8) to flags as signals (V9):
 * the closed MONITORED/DISMISSED cases stay as they are, the listings get their watch records
 * from the flags on record, and the decisions relay starts from the upgrade.
 */
class FlagsMigrationTest {

    @Test
    void existingCasesStayAndListingsAreWatchedFromTheirFlags() throws Exception {
        String admin = EmbeddedInfrastructure.jdbcUrl(SharedInfrastructure.postgres());
        try (Connection c = DriverManager.getConnection(admin, "postgres", "postgres"); Statement s = c.createStatement()) {
            s.execute("drop database if exists upgrade_v9");
            s.execute("create database upgrade_v9");
        }
        String url = admin.replaceFirst("/[^/?]+(\\?|$)", "/upgrade_v9$1");
        Flyway.configure().dataSource(url, "postgres", "postgres").target("8").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
            s.execute("insert into seller (platform, seller_id) values ('taobao', 'S-OLD')");
            s.execute("""
                    insert into listing (platform, listing_id, shop_id, seller_pk, brand, category, price_cny)
                    values ('taobao', 'L-OLD', 'SHOP', 1, 'Acme', 'COSMETICS', 89)""");
            for (int i = 1; i <= 2; i++) { // two flags, each closed at intake as MONITORED, as V8 stored them
                s.execute("""
                        insert into spot_case (case_number, platform, listing_id, listing_pk, seller_pk, status, outcome,
                                               triage_decision, priority, risk_score, opened_at, closed_at)
                        values ('CF-2026-00000%d', 'taobao', 'L-OLD', 1, 1, 'CLOSED', 'MONITORED', 'MONITOR', 3, 0.3,
                                now() - interval '%d days', now() - interval '%d days')""".formatted(i, 3 - i, 3 - i));
                s.execute("""
                        insert into flag (flag_id, case_pk, source, risk_score, received_by, received_at, payload)
                        values ('RM-OLD-%d', %d, 'RISK_MODEL', 0.3, 'kafka', now() - interval '%d days', '{}')"""
                        .formatted(i, i, 3 - i));
            }
        }

        Flyway.configure().dataSource(url, "postgres", "postgres").load().migrate();

        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
            ResultSet cases = s.executeQuery("select count(*) from spot_case where outcome = 'MONITORED'");
            cases.next();
            assertThat(cases.getInt(1)).as("the old cases stay readable").isEqualTo(2);
            ResultSet watch = s.executeQuery("""
                    select cardinality(flag_days), (select sum(n) from unnest(flag_day_counts) n), last_decision,
                           first_flagged_at < last_flagged_at
                    from listing where listing_id = 'L-OLD'""");
            watch.next();
            assertThat(watch.getInt(1)).as("two days flagged").isEqualTo(2);
            assertThat(watch.getInt(2)).as("two flags on record").isEqualTo(2);
            assertThat(watch.getString(3)).isEqualTo("MONITOR");
            assertThat(watch.getBoolean(4)).isTrue();
            ResultSet relay = s.executeQuery("select count(*) from relay_position where relay = 'flag-decisions'");
            relay.next();
            assertThat(relay.getInt(1)).isEqualTo(1);
        } finally {
            try (Connection c = DriverManager.getConnection(admin, "postgres", "postgres");
                 Statement s = c.createStatement()) {
                s.execute("drop database if exists upgrade_v9");
            }
        }
    }
}
