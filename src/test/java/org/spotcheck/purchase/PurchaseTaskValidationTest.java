package org.spotcheck.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.spotcheck.support.Api;
import org.spotcheck.support.CaseFlows;
import org.spotcheck.support.Flags;
import org.spotcheck.support.Tasks;

/** Bad task input through /engine-rest, as Tasklist would submit it: 400, task open, nothing recorded. */
class PurchaseTaskValidationTest extends CaseFlows {

    static Stream<Arguments> badPurchaseReports() {
        return Stream.of(
                Arguments.of("no decision at all", Tasks.vars(), "listingUnavailable"),
                Arguments.of("listingUnavailable as text", Tasks.vars("listingUnavailable", "no"), "listingUnavailable"),
                Arguments.of("missing order number", without(purchase(90), "orderNumber"), "orderNumber"),
                Arguments.of("missing video", without(purchase(90), "videoEvidenceUri"), "videoEvidenceUri"),
                Arguments.of("short hash", with(purchase(90), "videoSha256", "abc123"), "videoSha256"),
                Arguments.of("hash with non-hex", with(purchase(90), "videoSha256", "g".repeat(64)), "videoSha256"),
                Arguments.of("negative amount", with(purchase(90), "amountPaidCny", -5.0), "amountPaidCny"),
                Arguments.of("zero amount", with(purchase(90), "amountPaidCny", 0.0), "amountPaidCny"),
                Arguments.of("amount as text", with(purchase(90), "amountPaidCny", "ninety"), "amountPaidCny"),
                Arguments.of("fractions of a fen", with(purchase(90), "amountPaidCny", 90.123), "amountPaidCny"));
    }

    static Map<String, Object> without(Map<String, Object> vars, String name) {
        vars.remove(name);
        return vars;
    }

    static Map<String, Object> with(Map<String, Object> vars, String name, Object value) {
        vars.put(name, value);
        return vars;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPurchaseReports")
    void refusesABadPurchaseReportAndKeepsTheTaskOpen(String name, Map<String, Object> report, String field) {
        Case c = newCase(Flags.decidedAs("TEST_BUY"));
        String taskId = task(c).getId();

        Api.Response response = Tasks.complete(api(), taskId, "buyer", report);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("detail").asText()).contains(field);
        assertThat(response.json().get("errors")).extracting(e -> e.get("field").asText()).contains(field);
        assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isEqualTo(1);
        JsonNode view = view(c);
        assertThat(view.get("status").asText()).isEqualTo("AWAITING_PURCHASE");
        assertThat(view.at("/purchase/budgetStatus").asText()).isEqualTo("RESERVED");
        assertThat(view.at("/purchase/orderNumber").isNull()).isTrue();
        assertThat(view.get("evidence")).isEmpty();
    }

    static Stream<Arguments> badParcelReports() {
        Map<String, Object> good = Tasks.vars("parcelReceived", true, "sealNumber", "S-1", "storageLocation", "rack 1",
                "photoSha256", PHOTO_SHA);
        return Stream.of(
                Arguments.of("no decision", Tasks.vars(), "parcelReceived"),
                Arguments.of("missing seal", without(new java.util.HashMap<>(good), "sealNumber"), "sealNumber"),
                Arguments.of("missing location", without(new java.util.HashMap<>(good), "storageLocation"), "storageLocation"),
                Arguments.of("bad photo hash", with(new java.util.HashMap<>(good), "photoSha256", "xyz"), "photoSha256"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badParcelReports")
    void refusesABadParcelIntakeAndKeepsTheTaskOpen(String name, Map<String, Object> report, String field) {
        Case c = purchased(Flags.decidedAs("TEST_BUY"));
        String taskId = task(c).getId();

        Api.Response response = Tasks.complete(api(), taskId, "custodian", report);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("detail").asText()).contains(field);
        assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isEqualTo(1);
        assertThat(view(c).get("evidence")).hasSize(1);
    }

    /** The purchase form's own limit for the video URI: what Tasklist lets a buyer type. */
    private static int formLimitOfVideoUri() throws java.io.IOException {
        JsonNode form = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(java.nio.file.Path.of("forms/perform-test-purchase.form").toFile());
        for (JsonNode field : form.get("components")) {
            if ("videoEvidenceUri".equals(field.path("key").asText())) {
                return field.at("/validate/maxLength").asInt();
            }
        }
        throw new AssertionError("the purchase form has no videoEvidenceUri field");
    }

    @org.junit.jupiter.api.Test
    void theLongestVideoUriTheFormAllowsIsStoredWithItsCustodyEntryAndOneMoreIsRefused() throws Exception {
        int limit = formLimitOfVideoUri();
        String longest = "s3://evidence/" + "v".repeat(limit - "s3://evidence/".length() - 4) + ".mp4";
        Case tooLong = newCase(Flags.decidedAs("TEST_BUY"));
        Case c = newCase(Flags.decidedAs("TEST_BUY"));

        Api.Response refused = Tasks.complete(api(), task(tooLong).getId(), "buyer", with(purchase(90), "videoEvidenceUri",
                longest + "x"));
        Api.Response stored = Tasks.complete(api(), task(c).getId(), "buyer", with(purchase(90), "videoEvidenceUri",
                longest));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("detail").asText()).contains("videoEvidenceUri");
        assertThat(stored.status()).as(stored.body()).isEqualTo(204);
        assertThat(view(c).at("/evidence/0/uri").asText()).isEqualTo(longest);
        JsonNode custody = api().get("/api/cases/" + c.number() + "/custody", "custodian").json();
        assertThat(custody.get(0).get("details").asText()).contains(longest);
    }
}
