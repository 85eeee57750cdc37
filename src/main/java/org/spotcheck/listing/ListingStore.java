package org.spotcheck.listing;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.spotcheck.db.ArraySql;
import org.spotcheck.listing.domain.Watch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Tables {@code listing} (the listings flagged, with their watch records) and {@code purge_cursor}
 * (where {@link ListingPurge} stopped): only this class reads or writes them.
 */
@Repository
class ListingStore {

    private static final String FACTS = """
            select id, platform, listing_id, shop_id, seller_pk, title, brand, category, price_cny, url from listing""";

    private final JdbcTemplate template;

    ListingStore(JdbcTemplate template) {
        this.template = template;
    }

    Map<String, Listings.Watched> watched(Collection<String> listingKeys) {
        List<String[]> keys = listingKeys.stream().map(k -> k.split(":", 2)).toList();
        Map<String, Listings.Watched> found = new HashMap<>();
        ArraySql.query(template, """
                select l.id, l.platform, l.listing_id, l.flag_days, l.flag_day_counts, l.first_flagged_at,
                       l.last_flagged_at, l.last_decision
                from listing l join unnest(?::varchar[], ?::varchar[]) as t(p, i) on l.platform = t.p and l.listing_id = t.i""",
                (rs, i) -> found.put(rs.getString(2) + ":" + rs.getString(3), new Listings.Watched(rs.getLong(1), new Watch(
                        days(rs.getArray(4)), counts(rs.getArray(5)), instant(rs.getTimestamp(6)),
                        instant(rs.getTimestamp(7)), rs.getString(8)))),
                ArraySql.of("varchar", keys.stream().map(k -> k[0]).toList()),
                ArraySql.of("varchar", keys.stream().map(k -> k[1]).toList()));
        return found;
    }

    Map<String, Long> store(Collection<Listings.Update> updates) {
        List<Listings.Update> sorted = updates.stream().sorted(Comparator.comparing((Listings.Update u) -> u.listing().platform())
                .thenComparing(u -> u.listing().listingId())).toList();
        Map<String, Long> found = new HashMap<>();
        ArraySql.query(template, """
                insert into listing (platform, listing_id, shop_id, seller_pk, title, brand, category, price_cny, url,
                                     flag_days, flag_day_counts, first_flagged_at, last_flagged_at, last_decision)
                select p, l, sh, se, ti, b, c, pr, u, cast(fd as date[]), cast(fc as int4[]), ff, lf, ld
                from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::int8[], ?::varchar[], ?::varchar[], ?::varchar[],
                            ?::numeric[], ?::varchar[], ?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[],
                            ?::varchar[]) with ordinality as t(p, l, sh, se, ti, b, c, pr, u, fd, fc, ff, lf, ld, n)
                order by n
                on conflict (platform, listing_id) do update
                   set shop_id = excluded.shop_id, seller_pk = excluded.seller_pk, title = excluded.title,
                       brand = excluded.brand, category = excluded.category, price_cny = excluded.price_cny,
                       url = excluded.url, updated_at = now(), flag_days = excluded.flag_days,
                       flag_day_counts = excluded.flag_day_counts, first_flagged_at = excluded.first_flagged_at,
                       last_flagged_at = excluded.last_flagged_at, last_decision = excluded.last_decision
                returning id, platform, listing_id""",
                (rs, i) -> found.put(rs.getString(2) + ":" + rs.getString(3), rs.getLong(1)),
                ArraySql.of("varchar", sorted, u -> u.listing().platform()), ArraySql.of("varchar", sorted, u -> u.listing().listingId()),
                ArraySql.of("varchar", sorted, u -> u.listing().shopId()),
                ArraySql.of("int8", sorted, u -> u.listing().sellerPk()),
                ArraySql.of("varchar", sorted, u -> u.listing().title()), ArraySql.of("varchar", sorted, u -> u.listing().brand()),
                ArraySql.of("varchar", sorted, u -> u.listing().category()),
                ArraySql.of("numeric", sorted, u -> u.listing().priceCny()), ArraySql.of("varchar", sorted, u -> u.listing().url()),
                ArraySql.of("text", sorted, u -> literal(u.watch().days())), ArraySql.of("text", sorted, u -> literal(u.watch().counts())),
                ArraySql.of("timestamptz", sorted, u -> Timestamp.from(u.watch().firstFlaggedAt())),
                ArraySql.of("timestamptz", sorted, u -> Timestamp.from(u.watch().lastFlaggedAt())),
                ArraySql.of("varchar", sorted, u -> u.watch().lastDecision()));
        return found;
    }

    Map<Long, Listings.Facts> facts(Collection<Long> pks) {
        Map<Long, Listings.Facts> found = new HashMap<>();
        if (!pks.isEmpty()) {
            ArraySql.query(template, FACTS + " where id = any(?::int8[])", (rs, i) -> put(found, facts(rs)),
                    ArraySql.of("int8", List.copyOf(pks)));
        }
        return found;
    }

    /** The listing each seller was flagged for last. */
    Map<Long, Listings.Facts> newestOfSellers(Collection<Long> sellerPks) {
        Map<Long, Listings.Facts> found = new HashMap<>();
        if (!sellerPks.isEmpty()) {
            ArraySql.query(template, """
                    select distinct on (seller_pk) id, platform, listing_id, shop_id, seller_pk, title, brand, category,
                           price_cny, url
                    from listing where seller_pk = any(?::int8[]) order by seller_pk, updated_at desc, id desc""",
                    (rs, i) -> {
                        Listings.Facts facts = facts(rs);
                        return found.put(facts.sellerPk(), facts);
                    }, ArraySql.of("int8", List.copyOf(sellerPks)));
        }
        return found;
    }

    // ---- the purge's walk (ListingPurge), a range of ids at a time

    /**
     * @return where the purge stopped last, its row locked until commit, or empty while another
     *         node holds it (skip locked: that node is purging)
     */
    Optional<Long> lockPurgeCursor(String purge) {
        template.update("insert into purge_cursor (purge) values (?) on conflict do nothing", purge);
        List<Long> cursor = template.queryForList(
                "select last_id from purge_cursor where purge = ? for update skip locked", Long.class, purge);
        return cursor.isEmpty() ? Optional.empty() : Optional.of(cursor.get(0));
    }

    void movePurgeCursor(String purge, long lastId) {
        template.update("update purge_cursor set last_id = ?, moved_at = now() where purge = ?", lastId, purge);
    }

    long maxId() {
        return template.queryForObject("select coalesce(max(id), 0) from listing", Long.class);
    }

    /** @return the listings with ids in ({@code from}, {@code to}] last flagged (or changed) before the cutoff */
    List<Long> staleIn(long from, long to, Instant cutoff) {
        return template.queryForList("""
                select id from listing where id > ? and id <= ? and coalesce(last_flagged_at, updated_at) < ?""",
                Long.class, from, to, Timestamp.from(cutoff));
    }

    /** Deletes those of these listings still last flagged (or changed) before the cutoff. @return how many */
    int deleteStale(List<Long> listingPks, Instant cutoff) {
        return ArraySql.update(template, """
                delete from listing where id = any(?::int8[]) and coalesce(last_flagged_at, updated_at) < ?""",
                ArraySql.of("int8", listingPks), Timestamp.from(cutoff));
    }

    private static Listings.Facts put(Map<Long, Listings.Facts> found, Listings.Facts facts) {
        found.put(facts.pk(), facts);
        return facts;
    }

    private static Listings.Facts facts(ResultSet rs) throws SQLException {
        return new Listings.Facts(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getObject(9, BigDecimal.class), rs.getString(10));
    }

    private static List<LocalDate> days(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(d -> ((java.sql.Date) d).toLocalDate()).toList();
    }

    private static List<Integer> counts(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(n -> ((Number) n).intValue()).toList();
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    /** A PostgreSQL array literal of plain values (dates, numbers), e.g. {@code {2026-12-01,2026-12-02}}. */
    private static String literal(List<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }
}
