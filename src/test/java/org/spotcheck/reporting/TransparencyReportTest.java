package org.spotcheck.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.spotcheck.standing.CaseEvent;
import org.spotcheck.standing.NotifierStanding;
import org.spotcheck.support.Api;
import org.spotcheck.support.CaseFlows;
import org.spotcheck.support.Flags;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** GET /api/reports/transparency and the KPIs' appeal figures: what a notice, a restriction and an appeal add. */
class TransparencyReportTest extends CaseFlows {

    @Autowired
    private NotifierStanding standing;
    @Autowired
    private TransactionTemplate tx;

    private JsonNode report() {
        Api.Response response = api().get("/api/reports/transparency", "manager");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static long at(JsonNode report, String pointer) {
        return report.at(pointer).asLong(0);
    }

    @Test
    void aNoticeItsRestrictionsAnAppealAndAWarnedReporterAreEachCounted() {
        JsonNode before = report();
        JsonNode kpisBefore = api().get("/api/reports/kpis", "manager").json();
        String seller = "S-" + UUID.randomUUID();
        ObjectNode flag = Flags.decidedAs("TEST_BUY");
        flag.put("source", "RIGHTS_HOLDER_REPORT").put("reporterId", "rh-acme");
        Flags.listing(flag).put("sellerId", seller).put("brand", "Acme").put("category", "APPAREL");
        Case c = counterfeit(flag); // rh-acme's verdict: takedown and a warning
        String appealId = "AP-" + UUID.randomUUID();
        Api.Response filed = api().post("/api/appeals", "intake", "{\"appealId\": \"" + appealId + "\", \"caseNumber\": \""
                + c.number() + "\", \"sellerId\": \"" + seller + "\", \"grounds\": \"Bought from the brand's own outlet\"}");
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String appealProcess = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(appealId)
                .singleResult().getId();
        runJobs(appealProcess);
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(appealProcess).timers().singleResult();
        engine.getManagementService().executeJob(timer.getId());
        runJobs(appealProcess); // no complaint in 15 days: lifted
        String abusive = "abusive-" + UUID.randomUUID();
        tx.executeWithoutResult(s -> standing.noticesReceived(Map.of(abusive, 10L), Map.of()));
        for (int i = 0; i < 10; i++) {
            standing.record(abusive, CaseEvent.GENUINE);
        }

        JsonNode after = report();

        assertThat(at(after, "/noticesBySource/RIGHTS_HOLDER_REPORT") - at(before, "/noticesBySource/RIGHTS_HOLDER_REPORT"))
                .isEqualTo(1);
        assertThat(at(after, "/restrictionsByType/TAKE_DOWN_LISTING") - at(before, "/restrictionsByType/TAKE_DOWN_LISTING"))
                .isEqualTo(1);
        assertThat(at(after, "/restrictionsByType/WARN_SELLER") - at(before, "/restrictionsByType/WARN_SELLER")).isEqualTo(1);
        assertThat(at(after, "/restrictionsAutomated") - at(before, "/restrictionsAutomated")).isEqualTo(1);
        assertThat(after.get("medianHoursFlagToRestriction").isNumber()).isTrue();
        assertThat(at(after, "/appeals/received") - at(before, "/appeals/received")).isEqualTo(1);
        assertThat(at(after, "/appeals/decided") - at(before, "/appeals/decided")).isEqualTo(1);
        assertThat(at(after, "/appeals/reversed") - at(before, "/appeals/reversed")).isEqualTo(1);
        assertThat(after.at("/appeals/medianDaysToDecide").isNumber()).isTrue();
        assertThat(at(after, "/counterNotices") - at(before, "/counterNotices")).isEqualTo(1);
        assertThat(at(after, "/restorations/RESTORE_LISTING") - at(before, "/restorations/RESTORE_LISTING")).isEqualTo(1);
        assertThat(at(after, "/reportersWarned") - at(before, "/reportersWarned")).isEqualTo(1);
        JsonNode kpis = api().get("/api/reports/kpis", "manager").json();
        assertThat(kpis.get("appealsReceived").asLong() - kpisBefore.get("appealsReceived").asLong()).isEqualTo(1);
        assertThat(kpis.get("appealsReversed").asLong() - kpisBefore.get("appealsReversed").asLong()).isEqualTo(1);
    }

    @Test
    void theReportComesAsCsvForASpreadsheetAndOnlyToManagersAndAdmins() throws Exception {
        java.net.http.HttpResponse<String> csv = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port()
                                + "/api/reports/transparency?from=2026-01-01&to=2026-12-31"))
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("manager:manager".getBytes()))
                        .header("Accept", "text/csv").build(), java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("transparency-2026-01-01-2026-12-31.csv");
        assertThat(csv.body()).startsWith("section,item,value\r\n").contains("from,,2026-01-01\r\n", "appeals,reversed,",
                "reportersSuspended,,");
        assertThat(api().get("/api/reports/transparency", "admin").status()).isEqualTo(200);
        assertThat(api().get("/api/reports/transparency", "owner").status()).isEqualTo(403);
        assertThat(api().get("/api/reports/transparency", "buyer").status()).isEqualTo(403);
        assertThat(api().get("/api/reports/transparency", "intake").status()).isEqualTo(403);
        Api.Response backwards = api().get("/api/reports/transparency?from=2026-12-31&to=2026-01-01", "manager");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.isProblem()).isTrue();
    }
}
