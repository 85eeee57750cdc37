package org.spotcheck.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.spotcheck.support.CaseFlows;
import org.spotcheck.support.Flags;
import org.spotcheck.support.Tasks;

/** GET /api/reports/kpis on a known set of cases: what they add to today's figures. */
class KpiTest extends CaseFlows {

    private JsonNode today() {
        String day = LocalDate.now(ZoneOffset.UTC).toString();
        return api().get("/api/reports/kpis?from=" + day + "&to=" + day, "manager").json();
    }

    @Test
    void countsTestBuysSpendVerdictsTakedownsLeadsAndOutcomes() {
        JsonNode before = today();

        Case fake = counterfeit(Flags.decidedAs("TEST_BUY"));                   // paid 92.50
        ObjectNode cosmetics = Flags.decidedAs("TEST_BUY");
        Flags.listing(cosmetics).put("category", "COSMETICS");
        Case referred = counterfeit(cosmetics);                                  // paid 92.50, referred
        Case genuine = atVerification(Flags.decidedAs("TEST_BUY"));
        verdict(genuine, "rh-acme", "GENUINE", "G-1");                           // paid 92.50
        Case gone = newCase(Flags.decidedAs("TEST_BUY"));
        completeAs("buyer", gone, Tasks.vars("listingUnavailable", true));       // no test buy
        String referralId = view(referred).at("/referral/referralId").asText();
        String lead = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(referralId).singleResult().getId();
        Tasks.complete(api(), lead, "liaison", Tasks.vars("agency", "MARKET_REGULATION", "jurisdiction", "Zhejiang",
                "summary", "fake cosmetics"));
        api().post("/api/referrals/" + referralId + "/outcomes", "liaison",
                "{\"arrests\": 4, \"sitesClosed\": 2, \"seizedValueCny\": 300000, \"closed\": false}");

        JsonNode after = today();

        assertThat(delta(after, before, "testBuys")).isEqualByComparingTo("3");
        assertThat(delta(after, before, "spendCny")).isEqualByComparingTo("277.50");
        assertThat(delta(after, before, "shopsCovered")).isEqualByComparingTo("3");
        assertThat(delta(after, before, "counterfeitVerdicts")).isEqualByComparingTo("2");
        assertThat(delta(after, before, "genuineVerdicts")).isEqualByComparingTo("1");
        assertThat(delta(after, before, "leads")).isEqualByComparingTo("1");
        assertThat(delta(after, before, "arrests")).isEqualByComparingTo("4");
        assertThat(delta(after, before, "sitesClosed")).isEqualByComparingTo("2");
        assertThat(delta(after, before, "seizedValueCny")).isEqualByComparingTo("300000");
        long c = after.get("counterfeitVerdicts").asLong();
        long g = after.get("genuineVerdicts").asLong();
        assertThat(after.get("hitRate").decimalValue()).isEqualByComparingTo(
                BigDecimal.valueOf(c).divide(BigDecimal.valueOf(c + g), 4, java.math.RoundingMode.HALF_UP));
        assertThat(after.get("medianDaysFlagToTakedown").decimalValue()).isBetween(BigDecimal.ZERO, new BigDecimal("0.01"));
        assertThat(fake.number()).isNotEqualTo(referred.number());
    }

    @Test
    void aRangeWithoutActivityHasZerosAndTheBudgetOfItsDays() {
        JsonNode past = api().get("/api/reports/kpis?from=2001-01-01&to=2001-01-10", "manager").json();

        assertThat(past.get("testBuys").asInt()).isZero();
        assertThat(past.get("hitRate").isNull()).isTrue();
        assertThat(past.get("medianDaysFlagToTakedown").isNull()).isTrue();
        assertThat(past.get("budgetCny").decimalValue()).isEqualByComparingTo("2739726.03"); // 10/365 of 100 M
    }

    @Test
    void badRangesAndRolesAreRefused() {
        assertThat(api().get("/api/reports/kpis?from=2026-02-01&to=2026-01-01", "manager").status()).isEqualTo(400);
        assertThat(api().get("/api/reports/kpis?from=yesterday", "manager").status()).isEqualTo(400);
        assertThat(api().get("/api/reports/kpis", "buyer").status()).isEqualTo(403);
        assertThat(api().get("/api/reports/kpis", "admin").status()).isEqualTo(200);
    }

    private static BigDecimal delta(JsonNode after, JsonNode before, String field) {
        return after.get(field).decimalValue().subtract(before.get(field).decimalValue());
    }
}
