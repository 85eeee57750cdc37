package org.spotcheck.enforcement;

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
    boolean issueCommand(UUID commandId, long casePk, String command, String shopId) {
        int issued = jdbc.sql("""
                insert into platform_command (id, case_pk, command, shop_id) values (:id, :case, :command, :shop)
                on conflict (case_pk, command) do nothing""")
                .param("id", commandId).param("case", casePk).param("command", command)
                .param("shop", shopId).update();
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
}
