package org.spotcheck.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.spotcheck.support.Api;
import org.spotcheck.support.CaseFlows;
import org.spotcheck.support.Flags;
import org.spotcheck.support.Hostile;

/**
 * Generated hostile bodies (wrong types, oversized and deeply nested values, injection
 * strings, control characters, invalid UTF-8, numeric extremes, garbage) against the
 * writing endpoints. Whatever arrives: never a 5xx, and a refusal is a 4xx problem+json
 * that changed no row (verbatim storage of odd but valid text is FlagIntakeApiTest's).
 * Seeded: every run tries the same inputs, and prints how many.
 */
class HostileInputTest extends CaseFlows {

    private static final long SEED = 20261129L;
    private static final int PER_ENDPOINT = 150;
    private long rows() {
        return jdbc.sql("""
                select (select count(*) from flag) + (select count(*) from flag_signal) + (select count(*) from spot_case) + (select count(*) from verification)
                     + (select count(*) from budget_year) + (select count(*) from persona) + (select count(*) from verifier)
                     + (select count(*) from lab_category) + (select count(*) from verifier_brand)
                     + (select count(*) from referral_outcome) + (select count(*) from timeline_entry)""")
                .query(Long.class).single();
    }

    private int attack(String path, String user, Supplier<ObjectNode> valid, Random random) {
        return attack("POST", path, user, valid, random);
    }

    private int attack(String method, String path, String user, Supplier<ObjectNode> valid, Random random) {
        int tried = 0;
        for (int i = 0; i < PER_ENDPOINT; i++) {
            byte[] body = Hostile.mutate(valid.get(), random);
            long before = rows();
            Api.Response response = method.equals("PUT") ? api().putBytes(path, user, body)
                    : api().postBytes(path, user, body);
            tried++;
            String input = new String(body, StandardCharsets.UTF_8);
            assertThat(response.status()).as("%s with %s", path, abbreviated(input)).isLessThan(500);
            if (response.status() >= 400) {
                assertThat(response.isProblem()).as("problem+json for %s", abbreviated(input)).isTrue();
                assertThat(rows()).as("rows after refusing %s", abbreviated(input)).isEqualTo(before);
            }
        }
        return tried;
    }

    private static String abbreviated(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…(" + s.length() + " chars)" : s;
    }

    @Test
    void noInputBreaksOrCorruptsAnything() {
        Random random = new Random(SEED);
        Case waiting = atVerification(Flags.decidedAs("TEST_BUY"));
        int tried = 0;
        tried += attack("/api/cases", "intake", Flags::highRisk, random);
        tried += attack("/api/cases/" + waiting.number() + "/verification", "rh-acme", () -> {
            ObjectNode verdict = Hostile.NODES.objectNode();
            verdict.put("verdict", "INCONCLUSIVE");
            verdict.put("reportReference", "R-1");
            verdict.put("notes", "n");
            return verdict;
        }, random);
        tried += attack("/api/referrals/RF-1999-000001/outcomes", "liaison", () -> {
            ObjectNode outcome = Hostile.NODES.objectNode();
            outcome.put("arrests", 1).put("sitesClosed", 0).put("seizedValueCny", 10).put("closed", false);
            return outcome;
        }, random);
        tried += attack("/api/screenings", "intake", () -> Hostile.NODES.objectNode().put("phoneHash", "p").put("idDocumentHash", "i"),
                random);
        // administration; a valid year far ahead, so an input that happens to be valid spends nothing of today's budget
        tried += attack("PUT", "/api/budget", "admin", () -> Hostile.NODES.objectNode().put("year", 2199)
                .put("totalCny", 1000), random);
        tried += attack("/api/personas", "admin", () -> Hostile.NODES.objectNode().put("handle", "hostile-" + random.nextInt())
                .put("addressLabel", "Locker 9"), random);
        tried += attack("PUT", "/api/verifiers/hostile-lab", "admin", () -> {
            ObjectNode verifier = Hostile.NODES.objectNode().put("kind", "LAB").put("name", "Hostile lab");
            verifier.putArray("covers").add("NO_SUCH_CATEGORY");
            return verifier;
        }, random);
        System.out.printf("HostileInputTest: %d generated inputs tried (seed %d), no 5xx, refusals changed nothing%n",
                tried, SEED);
        assertThat(tried).isEqualTo(7 * PER_ENDPOINT);
    }

    @Test
    void noCommentBreaksATask() {
        Case c = newCase(Flags.decidedAs("TEST_BUY"));
        org.camunda.bpm.engine.task.Task task = task(c);
        String path = "/engine-rest/task/" + task.getId() + "/comment/create";
        Random random = new Random(SEED);
        int tried = 0;
        for (int i = 0; i < PER_ENDPOINT; i++) {
            ObjectNode valid = Hostile.NODES.objectNode().put("message", "Seller asked for a phone number")
                    .put("processInstanceId", task.getProcessInstanceId());
            byte[] body = Hostile.mutate(valid, random);
            int before = engine.getTaskService().getTaskComments(task.getId()).size();
            Api.Response response = api().postBytes(path, "buyer", body);
            tried++;
            String input = abbreviated(new String(body, StandardCharsets.UTF_8));
            assertThat(response.status()).as("%s -> %s", input, abbreviated(response.body())).isLessThan(500);
            if (response.status() >= 400) {
                assertThat(response.isProblem()).as("problem+json for %s", input).isTrue();
                assertThat(engine.getTaskService().getTaskComments(task.getId())).as(input).hasSize(before);
            }
        }
        assertThat(engine.getTaskService().getProcessInstanceComments(task.getProcessInstanceId()))
                .allSatisfy(comment -> assertThat(comment.getTaskId()).isEqualTo(task.getId()));
        System.out.printf("HostileInputTest: %d generated comments tried (seed %d) on a task, no 5xx%n", tried, SEED);
        assertThat(tried).isEqualTo(PER_ENDPOINT);
    }

    private static final String[] PARAMETERS = {"page", "size", "flagId", "listingId", "sellerId", "status", "outcome"};
    // as sent, already percent-encoded: invalid UTF-8, NUL, overflowing and odd numbers, values of the wrong field
    private static final String[] RAW = {"%C3%28", "%FF", "%00", "-1", "2147483648", "99999999999999999999", "1e3",
            "0x10", "%205", "5%20", "%EF%BC%91%EF%BC%90", "CLOSED", "DISMISSED", "", "null", "%5B%5D", "1&page=2"};

    /** A query string of one to three parameters, each hostile: as generated values, or raw percent-encoding. */
    private static String hostileQuery(Random random) {
        StringBuilder query = new StringBuilder();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            String value;
            if (random.nextBoolean()) {
                value = RAW[random.nextInt(RAW.length)];
            } else {
                com.fasterxml.jackson.databind.JsonNode node = Hostile.hostileValue(random);
                String text = node.isTextual() ? node.asText() : node.toString();
                // a request line past Tomcat's 8 KiB is refused before the application sees it
                value = java.net.URLEncoder.encode(text.length() > 1000 ? text.substring(0, 1000) : text,
                        StandardCharsets.UTF_8);
            }
            query.append(i == 0 ? "?" : "&").append(PARAMETERS[random.nextInt(PARAMETERS.length)]).append('=')
                    .append(value);
        }
        return query.toString();
    }

    @Test
    void noQueryParameterBreaksASearchOrACasesPages() {
        Random random = new Random(SEED);
        Case c = newCase(Flags.decidedAs("TEST_BUY"));
        int tried = 0;
        for (String path : new String[] {"/api/cases", "/api/cases/" + c.number() + "/flags",
                "/api/cases/" + c.number() + "/timeline"}) {
            for (int i = 0; i < PER_ENDPOINT; i++) {
                String target = path + hostileQuery(random);
                Api.Response response = api().get(target, "analyst");
                tried++;
                assertThat(response.status()).as("%s -> %s", abbreviated(target), abbreviated(response.body()))
                        .isLessThan(500);
                if (response.status() >= 400) {
                    assertThat(response.isProblem()).as("problem+json for %s", abbreviated(target)).isTrue();
                }
            }
        }
        System.out.printf("HostileInputTest: %d generated query strings tried (seed %d) on the search and a case's"
                + " flags and timeline, no 5xx%n", tried, SEED);
        assertThat(tried).isEqualTo(3 * PER_ENDPOINT);
    }
}
