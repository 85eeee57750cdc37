package org.spotcheck.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fills a running dev instance with a working programme, through the application's own API
 * and task completions as each role would do them: {@code count} flags (default 300) of
 * which most open cases, taken to every stage: waiting for the purchase, the parcel or the
 * verdict, counterfeit (with sanctions and referrals, some with agency outcomes), genuine,
 * appealed, and flags that stay signals. Each flag has a fixed id and each case a fixed
 * target stage, so a second run sends the same flags (answered as before) and moves a
 * case only when it is short of its stage: safe to run twice.
 * <p>{@code mvn -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.spotcheck.dev.DemoData}
 * (arguments: base URL, count). Size: one walk through the stages, each a few requests.
 */
public final class DemoData {

    private static final ObjectMapper JSON = new ObjectMapper();
    // LUXURY is left to the dashboard's browser test, whose figures must be its own data set's only
    private static final String[] CATEGORIES = {"COSMETICS", "APPAREL", "ELECTRONICS", "TOYS", "FOOD", "OTHER"};
    private static final String[] BRANDS = {"Acme", "Acme", "Zenith", "Orbit"};

    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();

    DemoData(String base) {
        this.base = base;
    }

    /** Where a case is taken, by its flag's number. */
    enum Target { PURCHASE, PARCEL, VERDICT, COUNTERFEIT, GENUINE, APPEALED, OUTCOME }

    static Target target(int i) {
        return List.of(Target.PURCHASE, Target.PARCEL, Target.VERDICT, Target.COUNTERFEIT, Target.COUNTERFEIT,
                Target.GENUINE, Target.APPEALED, Target.OUTCOME, Target.COUNTERFEIT, Target.PARCEL).get(i % 10);
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        Map<String, Integer> stages = new DemoData(base).run(count);
        System.out.println("Demo data in " + base + ": " + stages);
    }

    /** @return the cases by their status afterwards, and how many flags stayed signals */
    Map<String, Integer> run(int count) throws Exception {
        Map<Integer, String> cases = sendFlags(count);
        Map<String, Integer> stages = new TreeMap<>();
        stages.put("signals (no case)", count - cases.size());
        for (Map.Entry<Integer, String> c : cases.entrySet()) {
            String status = advance(c.getValue(), target(c.getKey()), c.getKey());
            stages.merge(status, 1, Integer::sum);
            if (c.getKey() % 50 == 0) {
                System.out.println("... case " + c.getValue() + ": " + status);
            }
        }
        return stages;
    }

    private Map<Integer, String> sendFlags(int count) throws Exception {
        Map<Integer, String> cases = new TreeMap<>();
        for (int from = 0; from < count; from += 100) {
            ArrayNode flags = JSON.createArrayNode();
            for (int i = from; i < Math.min(count, from + 100); i++) {
                flags.add(flag(i));
            }
            JsonNode answer = call("POST", "/api/flags", "intake", JSON.createObjectNode().set("flags", flags));
            for (JsonNode result : answer.get("results")) {
                int i = Integer.parseInt(result.get("flagId").asText().substring("DEMO-".length()));
                String caseNumber = result.path("caseNumber").asText(null);
                if (caseNumber != null && result.path("mergedInto").isMissingNode()) {
                    cases.put(i, caseNumber);
                }
            }
            System.out.println("Flags sent: " + Math.min(count, from + 100) + " of " + count);
        }
        return cases;
    }

    private static ObjectNode flag(int i) {
        ObjectNode flag = JSON.createObjectNode();
        flag.put("flagId", String.format("DEMO-%05d", i));
        flag.put("source", i % 4 == 0 ? "RIGHTS_HOLDER_REPORT" : i % 4 == 1 ? "CONSUMER_DISPUTE" : "RISK_MODEL");
        if (i % 4 == 0) {
            flag.put("reporterId", "rh-acme");
        }
        ObjectNode listing = flag.putObject("listing");
        listing.put("platform", "taobao").put("listingId", "DEMO-L-" + i).put("shopId", "DEMO-S-" + (i % 120))
                .put("sellerId", "DEMO-SELLER-" + (i % 90)).put("title", BRANDS[i % BRANDS.length] + " item " + i)
                .put("brand", BRANDS[i % BRANDS.length])
                // a fake cosmetic goes to the market regulator: the cases meant to reach an agency are cosmetics
                .put("category", target(i) == Target.OUTCOME ? "COSMETICS" : CATEGORIES[i % CATEGORIES.length])
                .put("priceCny", 50 + (i * 37) % 400).put("url", "https://shop.example/demo/" + i);
        ObjectNode signals = flag.putObject("signals");
        // one flag in six the model only watches: a signal, no case
        signals.put("riskScore", i % 6 == 5 ? 0.3 : 0.91).put("disputeCount", i % 7).put("msrpCny", 480);
        // a phone of its own per seller: no networks, so the five dev personas go round (a network shares none)
        flag.putObject("sellerIdentity").put("phoneHash", "demo-phone-" + (i % 90));
        return flag;
    }

    /** Takes the case toward its target, one step per status it is short of; @return its status afterwards */
    private String advance(String caseNumber, Target target, int i) throws Exception {
        // Size: the stages in order, each guarded by the case's status, so a second run repeats nothing
        String status = awaitSettled(caseNumber);
        if (status.equals("AWAITING_PURCHASE") && target != Target.PURCHASE) {
            complete(caseNumber, "buyer", Map.of("listingUnavailable", false, "orderNumber", "DEMO-ORDER-" + i,
                    "amountPaidCny", 50.0 + (i * 37) % 400, "videoEvidenceUri", "s3://demo/video-" + i + ".mp4",
                    "videoSha256", sha(i, 'a')));
            status = awaitSettled(caseNumber, "AWAITING_PURCHASE");
        }
        if (status.equals("AWAITING_PARCEL") && target.compareTo(Target.PARCEL) > 0) {
            complete(caseNumber, "custodian", Map.of("parcelReceived", true, "sealNumber", "DEMO-SEAL-" + i,
                    "storageLocation", "Hangzhou store, rack " + (i % 40), "photoSha256", sha(i, 'b')));
            status = awaitSettled(caseNumber, "AWAITING_PARCEL");
        }
        if (status.equals("AWAITING_VERIFICATION") && target.compareTo(Target.VERDICT) > 0) {
            JsonNode view = call("GET", "/api/cases/" + caseNumber, "analyst", null);
            String verifier = view.at("/verification/verifier").asText();
            call("POST", "/api/cases/" + caseNumber + "/verification", verifier, JSON.createObjectNode()
                    .put("verdict", target == Target.GENUINE ? "GENUINE" : "COUNTERFEIT").put("reportReference", "DEMO-R-" + i));
            status = awaitSettled(caseNumber, "AWAITING_VERIFICATION");
        }
        if (target == Target.APPEALED && status.equals("CLOSED")) {
            call("POST", "/api/appeals", "intake", JSON.createObjectNode().put("appealId", "DEMO-AP-" + i)
                    .put("caseNumber", caseNumber).put("sellerId", "DEMO-SELLER-" + (i % 90))
                    .put("grounds", "The item was bought from the brand's authorised distributor (invoice " + i + ")"));
        }
        if (target == Target.OUTCOME && status.equals("CLOSED")) {
            referralOutcome(caseNumber, i);
        }
        return status.equals("CLOSED") ? "CLOSED " + call("GET", "/api/cases/" + caseNumber, "analyst", null)
                .path("outcome").asText() : status;
    }

    private void referralOutcome(String caseNumber, int i) throws Exception {
        JsonNode referral = call("GET", "/api/cases/" + caseNumber, "analyst", null).path("referral");
        String id = referral.path("referralId").asText(null);
        if (id == null) {
            return; // the referral table sent this one nowhere
        }
        if (referral.path("status").asText().equals("PREPARING")) {
            // the referral's process starts after the case closes: its task comes a moment later
            for (int attempt = 0; attempt < 40 && !complete(id, "liaison", Map.of("agency",
                    referral.path("agency").asText("MARKET_REGULATION"), "jurisdiction", "Hangzhou",
                    "summary", "Demo lead " + i + ": counterfeit " + caseNumber)); attempt++) {
                Thread.sleep(250);
            }
            for (int attempt = 0; attempt < 40 && call("GET", "/api/cases/" + caseNumber, "analyst", null)
                    .at("/referral/status").asText().equals("PREPARING"); attempt++) {
                Thread.sleep(250);
            }
        }
        call("POST", "/api/referrals/" + id + "/outcomes", "liaison", JSON.createObjectNode().put("reportId", "DEMO-PSB-" + i)
                .put("arrests", 1 + i % 3).put("sitesClosed", i % 2).put("seizedValueCny", 10000 * (1 + i % 9))
                .put("closed", i % 20 == 7));
    }

    /** The case's status once its asynchronous steps have run (the job executor takes a moment). */
    private String awaitSettled(String caseNumber) throws Exception {
        return awaitSettled(caseNumber, null);
    }

    /** As {@link #awaitSettled(String)}, once the case has left {@code left} (the step just taken runs on). */
    private String awaitSettled(String caseNumber, String left) throws Exception {
        String status = null;
        for (int attempt = 0; attempt < 80; attempt++) {
            JsonNode view = call("GET", "/api/cases/" + caseNumber, "analyst", null);
            status = view.get("status").asText();
            if (!status.equals(left) && List.of("AWAITING_PURCHASE", "AWAITING_PARCEL", "AWAITING_VERIFICATION", "AWAITING_REVIEW", "CLOSED",
                    "AWAITING_BUDGET", "AWAITING_PERSONA").contains(status)) {
                return status;
            }
            Thread.sleep(250);
        }
        return status;
    }

    /** @return false when the user has no task of that process (done already, or not there yet) */
    private boolean complete(String businessKey, String user, Map<String, Object> values) throws Exception {
        JsonNode tasks = call("POST", "/engine-rest/task?maxResults=5", user,
                JSON.createObjectNode().put("processInstanceBusinessKey", businessKey));
        if (tasks.isEmpty()) {
            return false;
        }
        ObjectNode body = JSON.createObjectNode();
        ObjectNode variables = body.putObject("variables");
        values.forEach((name, value) -> variables.putObject(name).put("type", value instanceof Boolean ? "Boolean"
                : value instanceof Double ? "Double" : "String").set("value", JSON.valueToTree(value)));
        call("POST", "/engine-rest/task/" + tasks.get(0).get("id").asText() + "/complete", user, body);
        return true;
    }

    private static String sha(int i, char filler) {
        String n = Integer.toHexString(i);
        return String.valueOf(filler).repeat(64 - n.length()) + n;
    }

    private JsonNode call(String method, String path, String user, JsonNode body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() >= 400 && answer.statusCode() != 409) {
            throw new IllegalStateException(method + " " + path + " as " + user + ": " + answer.statusCode() + " " + answer.body());
        }
        return answer.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(answer.body());
    }
}
