package org.spotcheck.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.spotcheck.evidence.EvidenceRetentionProcess;
import org.spotcheck.referral.PoliceReferralProcess;
import org.spotcheck.support.Api;
import org.spotcheck.support.CaseFlows;
import org.spotcheck.support.Flags;
import org.spotcheck.support.Hostile;
import org.spotcheck.support.TasklistSession;
import org.spotcheck.support.Tasks;

/**
 * Generated hostile completions of every task form, through {@code /engine-rest} and
 * through Tasklist: wrong and unknown variable types, hostile values, missing fields,
 * variables the form does not have (process variables a user must not set), Java
 * serialized objects, invalid UTF-8, garbage. Never a 5xx; a refusal leaves the task open
 * with its process variables and the application's rows exactly as they were. An input
 * that happens to be valid completes the task, and the next input gets a fresh one.
 */
class TaskFormHostileInputTest extends CaseFlows {

    private static final long SEED = 20261130L;
    private static final int PER_TASK = 30;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] TYPES = {"Boolean", "String", "Double", "Integer", "Long", "Short", "Date", "Json",
            "Xml", "Object", "Bytes", "File", "Null", "Nonexistent", ""};
    private static final String[] PROCESS_VARIABLES = {"caseNumber", "verifierId", "riskScore", "triageDecision",
            "reservedCny", "personaHandle", "verdict", "priority", "budgetYear", "referralId"};

    private record Target(String name, String group, Supplier<Task> fresh, Map<String, Object> valid) {
    }

    private long rows() {
        return jdbc.sql("""
                select (select count(*) from spot_case) + (select count(*) from timeline_entry)
                     + (select count(*) from evidence_item) + (select count(*) from custody_entry)
                     + (select count(*) from test_purchase) + (select count(*) from outbox_event)
                     + (select count(*) from referral) + (select count(*) from verification)""")
                .query(Long.class).single();
    }

    @Test
    void noTaskInputBreaksOrCorruptsAnything() {
        Random random = new Random(SEED);
        List<Target> targets = List.of(
                new Target("Task_ReviewFlag", "analyst", () -> task(newCase(Flags.decidedAs("REVIEW"))),
                        Tasks.vars("triageApproved", true)),
                new Target("Task_PerformTestPurchase", "buyer", () -> task(newCase(Flags.decidedAs("TEST_BUY"))),
                        purchase(95.0)),
                new Target("Task_ApproveOverspend", "analyst", () -> {
                    Case c = newCase(Flags.decidedAs("TEST_BUY"));
                    completeAs("buyer", c, purchase(160.0));
                    return task(c);
                }, Tasks.vars("overspendApproved", true)),
                new Target("Task_RecordParcelIntake", "custodian", () -> task(purchased(Flags.decidedAs("TEST_BUY"))),
                        Tasks.vars("parcelReceived", true, "sealNumber", "SEAL-H-" + random.nextLong(),
                                "storageLocation", "rack 9", "photoSha256", PHOTO_SHA)),
                new Target("Task_PrepareLeadPackage", "liaison", this::leadPackage,
                        Tasks.vars("agency", "MARKET_REGULATION", "jurisdiction", "Zhejiang", "summary", "fakes")),
                new Target("Task_ReviewRetention", "custodian", this::retentionReview,
                        Tasks.vars("extendHold", true)),
                new Target("Task_DecideInconclusive", "analyst", this::inconclusiveTwice,
                        Tasks.vars("inconclusiveDecision", "CLOSE")),
                new Target("Task_FollowUpReferral", "liaison", this::followUp,
                        Tasks.vars("followUp", "ACKNOWLEDGED")));
        int tried = 0;
        int completed = 0;
        for (Target target : targets) {
            Task task = target.fresh().get();
            assertThat(task.getTaskDefinitionKey()).isEqualTo(target.name());
            TasklistSession tasklist = api().tasklist(target.group());
            for (int i = 0; i < PER_TASK; i++) {
                byte[] body = mutate(target.valid(), random);
                boolean viaTasklist = random.nextBoolean();
                Map<String, Object> before = engine.getRuntimeService().getVariables(task.getProcessInstanceId());
                long rowsBefore = rows();
                Api.Response response = viaTasklist
                        ? tasklist.post("/task/" + task.getId() + "/submit-form", new String(body, StandardCharsets.UTF_8))
                        : api().postBytes("/engine-rest/task/" + task.getId() + "/complete", target.group(), body);
                tried++;
                String input = abbreviated(new String(body, StandardCharsets.UTF_8));
                String as = target.name() + (viaTasklist ? " via Tasklist" : " via engine-rest") + " with " + input;
                assertThat(response.status()).as(as + " -> " + abbreviated(response.body())).isLessThan(500);
                if (response.status() < 300) {
                    completed++;
                    task = target.fresh().get();
                    continue;
                }
                assertThat(response.status()).as(as).isBetween(400, 499);
                if (!viaTasklist) {
                    assertThat(response.isProblem()).as(as + " -> " + response.status() + " " + response.contentType()
                            + " " + abbreviated(response.body())).isTrue();
                }
                assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).as(as).isEqualTo(1);
                assertThat(engine.getRuntimeService().getVariables(task.getProcessInstanceId())).as(as).isEqualTo(before);
                assertThat(rows()).as(as).isEqualTo(rowsBefore);
            }
        }
        System.out.printf("TaskFormHostileInputTest: %d generated task inputs tried (seed %d) on %d forms, no 5xx;"
                + " %d happened to be valid and completed their task, every refusal changed nothing%n",
                tried, SEED, targets.size(), completed);
        assertThat(tried).isEqualTo(targets.size() * PER_TASK);
        assertThat(completed).as("most generated inputs are invalid").isLessThan(tried / 3);
    }

    private Task leadPackage() {
        ObjectNode flag = Flags.decidedAs("TEST_BUY");
        Flags.listing(flag).put("category", "COSMETICS");
        Case c = counterfeit(flag);
        return engine.getTaskService().createTaskQuery().processDefinitionKey(PoliceReferralProcess.KEY)
                .processInstanceBusinessKey(view(c).at("/referral/referralId").asText()).singleResult();
    }

    private Task retentionReview() {
        Case c = counterfeit(Flags.decidedAs("TEST_BUY"));
        String retention = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(EvidenceRetentionProcess.KEY).variableValueEquals("caseNumber", c.number())
                .list().get(0).getId();
        engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
                .processInstanceId(retention).timers().singleResult().getId());
        return engine.getTaskService().createTaskQuery().processInstanceId(retention).singleResult();
    }

    private Task inconclusiveTwice() {
        Case c = atVerification(Flags.decidedAs("TEST_BUY"));
        verdict(c, view(c).at("/verification/verifier").asText(), "INCONCLUSIVE", "R-1-" + c.number());
        verdict(c, view(c).at("/verification/verifier").asText(), "INCONCLUSIVE", "R-2-" + c.number());
        return task(c);
    }

    private Task followUp() {
        Task lead = leadPackage();
        Tasks.complete(api(), lead.getId(), "liaison", Tasks.vars("agency", "MARKET_REGULATION", "jurisdiction",
                "Zhejiang", "summary", "fakes"));
        engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
                .processInstanceId(lead.getProcessInstanceId()).timers().singleResult().getId()); // 14 days, no answer
        return engine.getTaskService().createTaskQuery().processInstanceId(lead.getProcessInstanceId()).singleResult();
    }

    /** A valid completion with one hostile change, or raw garbage. */
    private static byte[] mutate(Map<String, Object> valid, Random random) {
        ObjectNode body;
        try {
            body = (ObjectNode) JSON.readTree(Tasks.body(valid));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        ObjectNode variables = (ObjectNode) body.get("variables");
        List<String> names = new ArrayList<>(valid.keySet());
        String name = names.get(random.nextInt(names.size()));
        switch (random.nextInt(10)) {
            case 0 -> ((ObjectNode) variables.get(name)).set("value", Hostile.hostileValue(random));
            case 1 -> ((ObjectNode) variables.get(name)).put("type", TYPES[random.nextInt(TYPES.length)]);
            case 2 -> variables.remove(name);
            case 3 -> {
                ObjectNode extra = variables.putObject(PROCESS_VARIABLES[random.nextInt(PROCESS_VARIABLES.length)]);
                extra.set("value", Hostile.hostileValue(random));
                extra.put("type", random.nextBoolean() ? "String" : "Double");
            }
            case 4 -> {
                ObjectNode serialized = variables.putObject(name);
                byte[] payload = new byte[64];
                random.nextBytes(payload);
                payload[0] = (byte) 0xAC; // Java serialization magic
                payload[1] = (byte) 0xED;
                serialized.put("type", "Object");
                serialized.put("value", Base64.getEncoder().encodeToString(payload));
                serialized.putObject("valueInfo").put("objectTypeName", "java.util.HashMap")
                        .put("serializationDataFormat", "application/x-java-serialized-object");
            }
            case 5 -> {
                ObjectNode json = variables.putObject(name);
                json.put("type", random.nextBoolean() ? "Json" : "Xml");
                json.put("value", Hostile.NASTY[random.nextInt(Hostile.NASTY.length)] + "{\"a\": [");
            }
            case 6 -> {
                return Hostile.withNesting(("{\"variables\": {\"" + name + "\": {\"value\": \"" + Hostile.NESTED
                        + (100 + random.nextInt(5000)) + "\", \"type\": \"Json\"}}}")).getBytes(StandardCharsets.UTF_8);
            }
            case 7 -> {
                String[] shapes = {"[]", "\"x\"", "{\"variables\": []}", "{\"variables\": {\"" + name + "\": \"bare\"}}",
                        "{\"variables\": null}", "", "{"};
                return shapes[random.nextInt(shapes.length)].getBytes(StandardCharsets.UTF_8);
            }
            case 8 -> {
                return new byte[] {'{', '"', 'v', 'a', 'r', 'i', 'a', 'b', 'l', 'e', 's', '"', ':', '{', '"', (byte) 0xC3,
                        (byte) 0x28, '"', ':', '{', '}', '}', '}'};
            }
            default -> {
                byte[] garbage = new byte[1 + random.nextInt(200)];
                random.nextBytes(garbage);
                return garbage;
            }
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviated(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…(" + s.length() + " chars)" : s;
    }

}
