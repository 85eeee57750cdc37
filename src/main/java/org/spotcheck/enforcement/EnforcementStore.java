package org.spotcheck.enforcement;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.spotcheck.cases.SanctionLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tables {@code platform_command}, {@code sanction} and {@code referral_decision}: what
 * {@link EnforcementService} decided for a case, each once per case (a retry records nothing).
 */
@Repository
class EnforcementStore {

    private final JdbcClient jdbc;

    EnforcementStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the case had this command issued already */
    boolean issueCommand(UUID commandId, long casePk, String command, String shopId, String statementOfReasons) {
        int issued = jdbc.sql("""
                insert into platform_command (id, case_pk, command, shop_id, statement_of_reasons)
                values (:id, :case, :command, :shop, cast(:reasons as jsonb))
                on conflict (case_pk, command) do nothing""")
                .param("id", commandId).param("case", casePk).param("command", command)
                .param("shop", shopId).param("reasons", statementOfReasons).update();
        return issued != 0;
    }

    /** @return false when the case had its sanction recorded already */
    boolean recordSanction(long casePk, long sellerPk, SanctionLevel level) {
        return jdbc.sql("""
                insert into sanction (case_pk, seller_pk, level) values (:case, :seller, :level)
                on conflict (case_pk) do nothing""")
                .param("case", casePk).param("seller", sellerPk).param("level", level.name()).update() == 1;
    }

    /** @return false when the case had its referral decision recorded already */
    boolean recordReferralDecision(long casePk, boolean refer, String agency) {
        return jdbc.sql("""
                insert into referral_decision (case_pk, refer, agency) values (:case, :refer, :agency)
                on conflict (case_pk) do nothing""")
                .param("case", casePk).param("refer", refer).param("agency", agency).update() == 1;
    }

    /** @return the case's commands, in the order they were issued */
    List<EnforcementService.Issued> commands(long casePk) {
        return jdbc.sql("select command, issued_at from platform_command where case_pk = :case order by issued_at, command")
                .param("case", casePk).query((rs, i) -> new EnforcementService.Issued(rs.getString(1),
                        rs.getObject(2, OffsetDateTime.class))).list();
    }

    /** @return whether another case of the seller still bans it (a BAN_SELLER without its LIFT_BAN) */
    boolean bannedByAnotherCase(long sellerPk, long casePk) {
        return jdbc.sql("""
                select exists (select 1 from sanction s join platform_command b on b.case_pk = s.case_pk
                               where s.seller_pk = :seller and s.case_pk <> :case and b.command = 'BAN_SELLER'
                                 and not exists (select 1 from platform_command l
                                                 where l.case_pk = b.case_pk and l.command = 'LIFT_BAN'))""")
                .param("seller", sellerPk).param("case", casePk).query(Boolean.class).single();
    }

    /** Serialises the restrictions of one seller: a sanction and a lift, or two lifts, take turns. */
    void lockSeller(long sellerPk) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('seller-restrictions:' || :seller, 0))")
                .param("seller", sellerPk).query().singleRow();
    }

    /** @return whether another case closed this shop and has not reopened it */
    boolean shopClosedByAnotherCase(String shopId, long casePk) {
        return jdbc.sql("""
                select exists (select 1 from platform_command b where b.shop_id = :shop and b.case_pk <> :case
                               and b.command = 'CLOSE_SHOP' and not exists (select 1 from platform_command r
                                   where r.case_pk = b.case_pk and r.command = 'REOPEN_SHOP'))""")
                .param("shop", shopId).param("case", casePk).query(Boolean.class).single();
    }

    /** @return whether any of these cases took the listing down and has not restored it */
    boolean listingDownByAnyOf(java.util.Collection<Long> casePks) {
        if (casePks.isEmpty()) {
            return false;
        }
        return jdbc.sql("""
                select exists (select 1 from platform_command b where b.case_pk in (:cases)
                               and b.command = 'TAKE_DOWN_LISTING' and not exists (select 1 from platform_command r
                                   where r.case_pk = b.case_pk and r.command = 'RESTORE_LISTING'))""")
                .param("cases", casePks).query(Boolean.class).single();
    }
}
