package org.spotcheck.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spotcheck.support.Api;
import org.spotcheck.support.Flags;
import org.spotcheck.support.CaseFlows;

/** Searches and case views stay cheap however much matches: bounded pages, capped counts. */
class BoundedCaseQueriesTest extends CaseFlows {

    private String open(ObjectNode flag) {
        Api.Response created = api().post("/api/cases", "intake", flag.toString());
        assertThat(created.status()).as(created.body()).isIn(200, 201);
        return created.json().get("caseNumber").asText();
    }

    @Test
    void searchPagesShowAtMostAHundredCases() {
        Api.Response tooBig = api().get("/api/cases?size=101", "analyst");

        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.isProblem()).isTrue();
        assertThat(tooBig.json().at("/errors/0/field").asText()).isEqualTo("size");
        assertThat(api().get("/api/cases?size=100", "analyst").status()).isEqualTo(200);
    }

    @Test
    void searchReachesTheFirstTenThousandResultsAndSaysToNarrowItBeyond() {
        Api.Response deep = api().get("/api/cases?status=CLOSED&page=500&size=20", "analyst");

        assertThat(deep.status()).isEqualTo(400);
        assertThat(deep.isProblem()).isTrue();
        assertThat(deep.json().get("title").asText()).isEqualTo("Invalid request");
        assertThat(deep.json().at("/errors/0/field").asText()).isEqualTo("page");
        assertThat(deep.json().get("detail").asText()).contains("10000").contains("narrow");
        assertThat(api().get("/api/cases?status=CLOSED&page=499&size=20", "analyst").status()).isEqualTo(200);
        assertThat(api().get("/api/cases?page=99&size=100", "analyst").status()).isEqualTo(200);
        assertThat(api().get("/api/cases?page=100&size=100", "analyst").status()).isEqualTo(400);
    }

    @Test
    void aKeyWithAControlCharacterIsRefusedNamingIt() {
        Api.Response refused = api().get("/api/cases?sellerId=S%00-1", "analyst");

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().at("/errors/0/field").asText()).isEqualTo("sellerId");
        assertThat(refused.json().at("/errors/0/message").asText()).contains("control characters");
    }

    @Test
    void aSmallResultHasItsExactTotal() {
        ObjectNode first = Flags.decidedAs("TEST_BUY"); // a case (a low-risk flag would open none)
        String seller = Flags.listing(first).get("sellerId").asText();
        for (int i = 0; i < 3; i++) {
            ObjectNode flag = i == 0 ? first : Flags.decidedAs("TEST_BUY");
            Flags.listing(flag).put("sellerId", seller);
            open(flag);
        }

        JsonNode all = api().get("/api/cases?sellerId=" + seller, "analyst").json();
        assertThat(all.get("items")).hasSize(3);
        assertThat(all.get("total").asLong()).isEqualTo(3);
        assertThat(all.get("totalExact").asBoolean()).isTrue();
        assertThat(all.get("hasMore").asBoolean()).isFalse();

        JsonNode firstPage = api().get("/api/cases?sellerId=" + seller + "&size=2", "analyst").json();
        assertThat(firstPage.get("items")).hasSize(2);
        assertThat(firstPage.get("total").asLong()).isEqualTo(3);
        assertThat(firstPage.get("hasMore").asBoolean()).isTrue();
        JsonNode past = api().get("/api/cases?sellerId=" + seller + "&page=5&size=2", "analyst").json();
        assertThat(past.get("items")).isEmpty();
        assertThat(past.get("total").asLong()).isEqualTo(3);
        assertThat(past.get("hasMore").asBoolean()).isFalse();
    }

    @Test
    void aSearchMatchingMoreThanTenThousandCasesSaysAtLeastTenThousand() {
        ObjectNode flag = Flags.decidedAs("TEST_BUY");
        String seed = open(flag);
        // 10,050 more closed cases of the same seller, as years of closed cases (or of dismissed flags
        // stored as cases before V9) would leave
        jdbc.sql("""
                insert into spot_case (case_number, platform, listing_id, listing_pk, seller_pk, status, outcome,
                                       triage_decision, priority, risk_score, opened_at, closed_at)
                select c.case_number || '-' || g, c.platform, c.listing_id, c.listing_pk, c.seller_pk, 'CLOSED',
                       'DISMISSED', 'DISMISS', c.priority, c.risk_score, c.opened_at - g * interval '1 minute', now()
                from spot_case c, generate_series(1, 10050) as g where c.case_number = :seed""")
                .param("seed", seed).update();
        String seller = Flags.listing(flag).get("sellerId").asText();

        JsonNode newest = api().get("/api/cases?sellerId=" + seller, "manager").json();

        assertThat(newest.get("items")).hasSize(20);
        assertThat(newest.get("items").get(0).get("caseNumber").asText()).isEqualTo(seed);
        assertThat(newest.get("total").asLong()).isEqualTo(10_000);
        assertThat(newest.get("totalExact").asBoolean()).isFalse();
        assertThat(newest.get("hasMore").asBoolean()).isTrue();
        JsonNode last = api().get("/api/cases?sellerId=" + seller + "&page=99&size=100", "manager").json();
        assertThat(last.get("items")).hasSize(100);
        assertThat(last.get("items").get(99).get("caseNumber").asText()).isEqualTo(seed + "-9999");
        assertThat(last.get("hasMore").asBoolean()).isTrue();
    }

    @Test
    void aCaseWithManyFlagsShowsTheNewestHundredAndPagesThroughThemAll() {
        ObjectNode first = Flags.decidedAs("TEST_BUY");
        String caseNumber = open(first);
        List<String> flagIds = new ArrayList<>(List.of(first.get("flagId").asText()));
        for (int i = 1; i <= 104; i++) { // the same listing flagged again and again while its case is open
            ObjectNode again = first.deepCopy().put("flagId", first.get("flagId").asText() + "-" + i);
            Api.Response merged = api().post("/api/cases", "intake", again.toString());
            assertThat(merged.json().get("mergedInto").asText()).isEqualTo(caseNumber);
            flagIds.add(again.get("flagId").asText());
        }

        JsonNode view = api().get("/api/cases/" + caseNumber, "analyst").json();

        assertThat(view.get("flags")).hasSize(100);
        assertThat(view.get("flagsTotal").asLong()).isEqualTo(105);
        assertThat(view.get("flags")).extracting(f -> f.get("flagId").asText())
                .containsExactlyElementsOf(flagIds.subList(5, 105));
        long entries = view.get("timelineTotal").asLong();
        assertThat(entries).isGreaterThan(104); // every merge is on the timeline, besides the case's own steps
        assertThat(view.get("timeline")).hasSize(100);
        assertThat(view.get("timeline").get(99).get("text").asText()).contains("merged");

        JsonNode firstPage = api().get("/api/cases/" + caseNumber + "/flags", "analyst").json();
        assertThat(firstPage.get("items")).extracting(f -> f.get("flagId").asText())
                .containsExactlyElementsOf(flagIds.subList(0, 100));
        assertThat(firstPage.get("total").asLong()).isEqualTo(105);
        assertThat(firstPage.get("hasMore").asBoolean()).isTrue();
        JsonNode rest = api().get("/api/cases/" + caseNumber + "/flags?page=1&size=100", "analyst").json();
        assertThat(rest.get("items")).extracting(f -> f.get("flagId").asText())
                .containsExactlyElementsOf(flagIds.subList(100, 105));
        assertThat(rest.get("hasMore").asBoolean()).isFalse();

        List<String> timeline = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode entriesPage = api().get("/api/cases/" + caseNumber + "/timeline?size=40&page=" + page, "manager")
                    .json();
            assertThat(entriesPage.get("total").asLong()).isEqualTo(entries);
            entriesPage.get("items").forEach(e -> timeline.add(e.get("at").asText() + " " + e.get("text").asText()));
            if (!entriesPage.get("hasMore").asBoolean()) {
                break;
            }
        }
        assertThat(timeline).hasSize((int) entries);
        List<String> shown = new ArrayList<>();
        view.get("timeline").forEach(e -> shown.add(e.get("at").asText() + " " + e.get("text").asText()));
        assertThat(timeline.subList(timeline.size() - 100, timeline.size())).isEqualTo(shown);
    }

    @Test
    void aSmallCaseShowsEverythingAndPagingRefusesBadParameters() {
        String caseNumber = open(Flags.decidedAs("TEST_BUY"));

        JsonNode view = api().get("/api/cases/" + caseNumber, "analyst").json();
        assertThat(view.get("flags")).hasSize(1);
        assertThat(view.get("flagsTotal").asLong()).isEqualTo(1);
        assertThat(view.get("timelineTotal").asLong()).isEqualTo(view.get("timeline").size());

        Api.Response tooBig = api().get("/api/cases/" + caseNumber + "/timeline?size=101", "analyst");
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.json().at("/errors/0/field").asText()).isEqualTo("size");
        Api.Response unknown = api().get("/api/cases/CF-1999-999999/flags", "analyst");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
    }

    @Test
    void theCasesVerifierReadsItsReducedViewButNotTheFlagsOrTimeline() {
        Case c = atVerification(Flags.decidedAs("TEST_BUY")); // an Acme item: routed to rh-acme
        assertThat(view(c).at("/verification/verifier").asText()).isEqualTo("rh-acme");

        JsonNode reduced = api().get("/api/cases/" + c.number(), "rh-acme").json();
        assertThat(reduced.get("flags")).isEmpty();
        assertThat(reduced.get("flagsTotal").asLong()).isZero();
        assertThat(reduced.get("timelineTotal").asLong()).isZero();
        for (String records : new String[] {"/flags", "/timeline"}) {
            Api.Response refused = api().get("/api/cases/" + c.number() + records, "rh-acme");
            assertThat(refused.status()).as(records).isEqualTo(403);
            assertThat(refused.isProblem()).isTrue();
        }
        assertThat(api().get("/api/cases/" + c.number() + "/flags", "lab-cqi").status()).isEqualTo(403);
    }
}
