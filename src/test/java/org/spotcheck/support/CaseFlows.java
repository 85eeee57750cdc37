package org.spotcheck.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/** Steps of a case as its users take them (flag, purchase, ...), for tests of the later stages. */
public abstract class CaseFlows extends IntegrationTest {

    protected static final String VIDEO_SHA = "a".repeat(64);
    protected static final String PHOTO_SHA = "B".repeat(64);

    protected record Case(String number, ProcessInstance process) {
    }

    protected Case newCase(ObjectNode flag) {
        Api.Response created = api().post("/api/cases", "intake", flag.toString());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Case(created.json().get("caseNumber").asText(),
                ProcessRef.of(engine, created.json().get("processInstanceId").asText()));
    }

    protected Task task(Case c) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(c.number()).singleResult();
    }

    protected JsonNode view(Case c) {
        return api().get("/api/cases/" + c.number(), "analyst").json();
    }

    protected static Map<String, Object> purchase(double amount) {
        return Tasks.vars("listingUnavailable", false, "orderNumber", "TB-778899", "amountPaidCny", amount,
                "videoEvidenceUri", "s3://evidence/video-1.mp4", "videoSha256", VIDEO_SHA);
    }

    protected Api.Response completeAs(String user, Case c, Map<String, Object> variables) {
        return Tasks.complete(api(), task(c).getId(), user, variables);
    }

    protected Case purchased(ObjectNode flag) {
        Case c = newCase(flag);
        assertThat(completeAs("buyer", c, purchase(92.50)).status()).isEqualTo(204);
        return c;
    }

    /** A case whose sample is stored and sent to its verifier. */
    protected Case atVerification(ObjectNode flag) {
        Case c = purchased(flag);
        Api.Response intake = completeAs("custodian", c, Tasks.vars("parcelReceived", true, "sealNumber",
                "SEAL-" + c.number(), "storageLocation", "Hangzhou store, rack 7", "photoSha256", PHOTO_SHA));
        assertThat(intake.status()).as(intake.body()).isEqualTo(204);
        return c;
    }

    protected Api.Response verdict(Case c, String verifier, String verdict, String report) {
        return api().post("/api/cases/" + c.number() + "/verification", verifier,
                "{\"verdict\": \"" + verdict + "\", \"reportReference\": \"" + report + "\"}");
    }

    /** A case taken to COUNTERFEIT by its verifier. */
    protected Case counterfeit(ObjectNode flag) {
        Case c = atVerification(flag);
        String verifier = view(c).at("/verification/verifier").asText();
        assertThat(verdict(c, verifier, "COUNTERFEIT", "R-" + c.number()).status()).isEqualTo(202);
        runJobs(c);
        assertThat(view(c).get("outcome").asText()).isEqualTo("COUNTERFEIT");
        return c;
    }

    /** Runs the jobs (async steps) of a case, as the job executor would. */
    protected void runJobs(Case c) {
        runJobs(c.process().getId());
    }

    /** Runs the jobs of a process instance, as the job executor would. */
    protected void runJobs(String processInstanceId) {
        for (int i = 0; i < 20; i++) {
            java.util.List<Job> jobs = engine.getManagementService().createJobQuery()
                    .processInstanceId(processInstanceId).executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
    }

    /** The year's budget that leaves about {@code allowance} for today. */
    protected BigDecimal yearBudgetAllowing(BigDecimal allowance) {
        JsonNode overview = api().get("/api/budget", "manager").json();
        BigDecimal committed = overview.get("spentCny").decimalValue().add(overview.get("reservedCny").decimalValue());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return committed.add(allowance).multiply(BigDecimal.valueOf(today.lengthOfYear()))
                .divide(BigDecimal.valueOf(today.getDayOfYear()), 2, RoundingMode.CEILING);
    }

    /** Sets this year's budget as a manager would, through the API (which also releases waiting cases). */
    protected void allowToday(BigDecimal allowance) {
        String body = "{\"year\": " + LocalDate.now(ZoneOffset.UTC).getYear() + ", \"totalCny\": "
                + yearBudgetAllowing(allowance).toPlainString() + "}";
        Api.Response response = api().put("/api/budget", "admin", body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    protected Job timer(Case c, String activityId) {
        return engine.getManagementService().createJobQuery().processInstanceId(c.process().getId())
                .activityId(activityId).singleResult();
    }

}
