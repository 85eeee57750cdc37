package org.spotcheck.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.spotcheck.support.Api;
import org.spotcheck.support.Flags;
import org.spotcheck.support.IntegrationTest;

/** POST /api/cases, GET /api/cases/{n} and the search, as a caller sees them. */
class FlagIntakeApiTest extends IntegrationTest {

    private long rows() {
        return jdbc.sql("select (select count(*) from flag) + (select count(*) from flag_signal) + (select count(*) from spot_case)"
                + " + (select count(*) from listing) + (select count(*) from seller) + (select count(*) from outbox_event)")
                .query(Long.class).single();
    }

    static Stream<Arguments> invalidFlags() {
        return Stream.of(
                bad("missing flagId", f -> f.remove("flagId"), "flagId"),
                bad("blank flagId", f -> f.put("flagId", "  "), "flagId"),
                bad("flagId over 100 characters", f -> f.put("flagId", "F".repeat(101)), "flagId"),
                bad("missing source", f -> f.remove("source"), "source"),
                bad("unknown source", f -> f.put("source", "GUESSWORK"), "source"),
                bad("missing listing", f -> f.remove("listing"), "listing"),
                bad("missing platform", f -> Flags.listing(f).remove("platform"), "listing.platform"),
                bad("missing listingId", f -> Flags.listing(f).remove("listingId"), "listing.listingId"),
                bad("missing shopId", f -> Flags.listing(f).remove("shopId"), "listing.shopId"),
                bad("missing sellerId", f -> Flags.listing(f).remove("sellerId"), "listing.sellerId"),
                bad("missing brand", f -> Flags.listing(f).remove("brand"), "listing.brand"),
                bad("unknown category", f -> Flags.listing(f).put("category", "WEAPONS"), "listing.category"),
                bad("missing category", f -> Flags.listing(f).remove("category"), "listing.category"),
                bad("title over 500 characters", f -> Flags.listing(f).put("title", "t".repeat(501)), "listing.title"),
                bad("zero price", f -> Flags.listing(f).put("priceCny", 0), "listing.priceCny"),
                bad("negative price", f -> Flags.listing(f).put("priceCny", -5), "listing.priceCny"),
                bad("price as text", f -> Flags.listing(f).put("priceCny", "cheap"), "listing.priceCny"),
                bad("missing signals", f -> f.remove("signals"), "signals"),
                bad("missing riskScore", f -> Flags.signals(f).remove("riskScore"), "signals.riskScore"),
                bad("riskScore above 1", f -> Flags.signals(f).put("riskScore", 1.01), "signals.riskScore"),
                bad("riskScore below 0", f -> Flags.signals(f).put("riskScore", -0.1), "signals.riskScore"),
                bad("negative disputeCount", f -> Flags.signals(f).put("disputeCount", -1), "signals.disputeCount"),
                bad("fractional disputeCount", f -> Flags.signals(f).put("disputeCount", 2.5), "signals.disputeCount"),
                bad("NUL character in a title", f -> Flags.listing(f).put("title", "Acme\u0000serum"), "listing.title"),
                bad("control character in flagId", f -> f.put("flagId", "RM-\u0007"), "flagId"),
                bad("identity hash over 200", f -> ((ObjectNode) f.get("sellerIdentity")).put("phoneHash", "h".repeat(201)),
                        "sellerIdentity.phoneHash"));
    }

    private static Arguments bad(String name, Consumer<ObjectNode> change, String field) {
        ObjectNode flag = Flags.highRisk();
        change.accept(flag);
        return Arguments.of(name, flag.toString(), field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFlags")
    void refusesInvalidFlagNamingTheFieldAndStoresNothing(String name, String body, String field) {
        long before = rows();

        Api.Response response = api().post("/api/cases", "intake", body);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        JsonNode problem = response.json();
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).contains(field);
        assertThat(problem.get("errors")).anySatisfy(e -> assertThat(e.get("field").asText()).isEqualTo(field));
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void refusesMalformedJson() {
        long before = rows();
        Api.Response response = api().post("/api/cases", "intake", "{\"flagId\": \"X\", ");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("title").asText()).isEqualTo("Malformed JSON");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void refusesWrongContentType() {
        long before = rows();
        Api.Response response = api().post("/api/cases", "intake", Flags.highRisk().toString(), "text/plain");
        assertThat(response.status()).isEqualTo(415);
        assertThat(response.isProblem()).isTrue();
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void refusesBodyOver64KiB() {
        long before = rows();
        ObjectNode flag = Flags.highRisk();
        flag.put("padding", "x".repeat(70_000));
        Api.Response response = api().post("/api/cases", "intake", flag.toString());
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("detail").asText()).contains("65536");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void asksForCredentialsAndChecksTheRole() {
        long before = rows();
        Api.Response anonymous = api().post("/api/cases", null, Flags.highRisk().toString());
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.isProblem()).isTrue();

        Api.Response wrongPassword = api().post("/api/cases", "nobody", Flags.highRisk().toString());
        assertThat(wrongPassword.status()).isEqualTo(401);

        Api.Response buyer = api().post("/api/cases", "buyer", Flags.highRisk().toString());
        assertThat(buyer.status()).isEqualTo(403);
        assertThat(buyer.isProblem()).isTrue();
        assertThat(rows()).isEqualTo(before);

        assertThat(api().get("/api/cases", "intake").status()).isEqualTo(403);
        assertThat(api().get("/api/cases", null).status()).isEqualTo(401);
    }

    @Test
    void createsACaseAndAnswersTheSameFlagAgainWithTheSameBody() {
        String flag = Flags.highRisk().toString();

        Api.Response created = api().post("/api/cases", "intake", flag);
        assertThat(created.status()).isEqualTo(201);
        String caseNumber = created.json().get("caseNumber").asText();
        assertThat(caseNumber).matches("CF-\\d{4}-\\d{6,}");
        assertThat(created.location()).isEqualTo("/api/cases/" + caseNumber);
        long afterFirst = rows();

        Api.Response again = api().post("/api/cases", "intake", flag);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(created.json());
        assertThat(rows()).isEqualTo(afterFirst);
    }

    @Test
    void mergesANewFlagForAListingWithAnOpenCase() {
        ObjectNode first = Flags.highRisk();
        Api.Response created = api().post("/api/cases", "intake", first.toString());
        String caseNumber = created.json().get("caseNumber").asText();
        ObjectNode second = Flags.highRisk();
        Flags.listing(second).setAll(Flags.listing(first));
        second.put("source", "CONSUMER_DISPUTE");

        Api.Response merged = api().post("/api/cases", "intake", second.toString());

        assertThat(merged.status()).isEqualTo(200);
        assertThat(merged.json().get("mergedInto").asText()).isEqualTo(caseNumber);
        assertThat(merged.json().get("caseNumber").asText()).isEqualTo(caseNumber);
        JsonNode view = api().get("/api/cases/" + caseNumber, "analyst").json();
        assertThat(view.get("flags")).hasSize(2);
        assertThat(view.get("flags").get(1).get("merged").asBoolean()).isTrue();
        assertThat(view.get("timeline").toString()).contains("merged into this open case");
        // the merged flag's id finds the case it joined, and resending it answers the same
        assertThat(api().get("/api/cases?flagId=" + second.get("flagId").asText(), "analyst").json()
                .at("/items/0/caseNumber").asText()).isEqualTo(caseNumber);
        assertThat(api().post("/api/cases", "intake", second.toString()).json()).isEqualTo(merged.json());
    }

    @Test
    void storesAndReturnsHostileLookingTextVerbatim() {
        ObjectNode flag = Flags.highRisk();
        String title = "Acme \"serum\" '; DROP TABLE spot_case; -- <script>alert(1)</script> 😀 正品保证 ✓";
        Flags.listing(flag).put("title", title);
        Flags.listing(flag).put("brand", "Acme™ 品牌");

        Api.Response created = api().post("/api/cases", "intake", flag.toString());

        JsonNode view = api().get(created.location(), "analyst").json();
        assertThat(view.at("/listing/title").asText()).isEqualTo(title);
        assertThat(view.at("/listing/brand").asText()).isEqualTo("Acme™ 品牌");
    }

    @Test
    void showsTheCaseWithListingFlagsTriageAndTimeline() {
        ObjectNode flag = Flags.highRisk();
        Api.Response created = api().post("/api/cases", "intake", flag.toString());

        Api.Response response = api().get(created.location(), "buyer");

        assertThat(response.status()).isEqualTo(200);
        JsonNode view = response.json();
        assertThat(view.get("caseNumber").asText()).isEqualTo(created.json().get("caseNumber").asText());
        assertThat(view.at("/listing/listingId").asText()).isEqualTo(Flags.listing(flag).get("listingId").asText());
        assertThat(view.at("/listing/sellerId").asText()).isEqualTo(Flags.listing(flag).get("sellerId").asText());
        assertThat(view.at("/listing/priceCny").decimalValue()).isEqualByComparingTo("89.00");
        assertThat(view.at("/flags/0/flagId").asText()).isEqualTo(flag.get("flagId").asText());
        assertThat(view.at("/flags/0/riskScore").decimalValue()).isEqualByComparingTo("0.91");
        assertThat(view.get("timeline")).extracting(e -> e.get("stage").asText())
                .containsExactly("FLAG", "TRIAGE", "PERSONA", "BUDGET", "AWAITING_PURCHASE");
        assertThat(view.at("/timeline/0/actor").asText()).isEqualTo("intake");
        for (String later : new String[] {"purchase", "verification", "sanction", "referral"}) {
            assertThat(view.has(later)).as(later).isTrue();
        }
    }

    @Test
    void unknownCaseIsA404Problem() {
        Api.Response response = api().get("/api/cases/CF-1999-999999", "analyst");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("detail").asText()).contains("CF-1999-999999");
    }

    @Test
    void searchFindsCasesByListingSellerStatusAndOutcomeNewestFirst() {
        ObjectNode older = Flags.decidedAs("REVIEW");
        ObjectNode newer = Flags.decidedAs("TEST_BUY");
        Flags.listing(newer).put("sellerId", Flags.listing(older).get("sellerId").asText());
        String olderCase = api().post("/api/cases", "intake", older.toString()).json().get("caseNumber").asText();
        // the analyst rejects the review: the case closes DISMISSED
        org.camunda.bpm.engine.task.Task review = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(olderCase)
                .singleResult();
        engine.getTaskService().complete(review.getId(), java.util.Map.of("triageApproved", false));
        String newerCase = api().post("/api/cases", "intake", newer.toString()).json().get("caseNumber").asText();
        String seller = Flags.listing(older).get("sellerId").asText();

        JsonNode bySeller = api().get("/api/cases?sellerId=" + seller, "manager").json();
        assertThat(bySeller.get("total").asLong()).isEqualTo(2);
        assertThat(bySeller.get("items")).extracting(i -> i.get("caseNumber").asText())
                .containsExactly(newerCase, olderCase);

        JsonNode byListing = api().get("/api/cases?listingId=" + Flags.listing(older).get("listingId").asText(),
                "analyst").json();
        assertThat(byListing.get("items")).extracting(i -> i.get("caseNumber").asText()).containsExactly(olderCase);

        JsonNode closed = api().get("/api/cases?sellerId=" + seller + "&status=CLOSED&outcome=DISMISSED", "analyst")
                .json();
        assertThat(closed.get("items")).extracting(i -> i.get("caseNumber").asText()).containsExactly(olderCase);

        JsonNode paged = api().get("/api/cases?sellerId=" + seller + "&page=1&size=1", "analyst").json();
        assertThat(paged.get("page").asInt()).isEqualTo(1);
        assertThat(paged.get("size").asInt()).isEqualTo(1);
        assertThat(paged.get("items")).extracting(i -> i.get("caseNumber").asText()).containsExactly(olderCase);
    }

    @Test
    void searchRefusesBadParameters() {
        Api.Response badStatus = api().get("/api/cases?status=LOST", "analyst");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.isProblem()).isTrue();
        assertThat(badStatus.json().at("/errors/0/field").asText()).isEqualTo("status");
        Api.Response badSize = api().get("/api/cases?size=5000", "analyst");
        assertThat(badSize.status()).isEqualTo(400);
        assertThat(badSize.json().at("/errors/0/field").asText()).isEqualTo("size");
    }
}
