package org.spotcheck.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.spotcheck.support.Api;
import org.spotcheck.support.CaseFlows;
import org.spotcheck.support.Flags;

/** {@code /api/appeals}: every bad input and role is refused with a problem and changes nothing. */
class AppealApiTest extends CaseFlows {

    private record Restricted(Case c, String seller) {
    }

    private Restricted restricted() {
        String seller = "S-" + UUID.randomUUID();
        ObjectNode flag = AppealsTest.flagOf(seller, "phone-" + UUID.randomUUID(), "APPAREL");
        return new Restricted(counterfeit(flag), seller);
    }

    private Api.Response file(String user, String body) {
        return api().post("/api/appeals", user, body);
    }

    private long appeals(String caseNumber) {
        return jdbc.sql("select count(*) from appeal a join spot_case c on c.id = a.case_pk where c.case_number = :c")
                .param("c", caseNumber).query(Long.class).single();
    }

    @Test
    void theSameAppealTwiceIsFiledOnceAndASecondOneWhileItIsOpenIsRefused() {
        Restricted r = restricted();
        String appealId = "AP-" + UUID.randomUUID();
        String body = AppealsTest.appealBody(appealId, r.c().number(), r.seller());

        Api.Response first = file("intake", body);
        Api.Response again = file("intake", body);
        Api.Response other = file("intake", AppealsTest.appealBody("AP-" + UUID.randomUUID(), r.c().number(), r.seller()));

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().get("detail").asText()).contains("open appeal", appealId);
        assertThat(appeals(r.c().number())).isEqualTo(1);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(appealId).count())
                .isEqualTo(1);
        Restricted elsewhere = restricted();
        Api.Response taken = file("intake", AppealsTest.appealBody(appealId, elsewhere.c().number(), elsewhere.seller()));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("title").asText()).isEqualTo("Appeal id taken");
        assertThat(appeals(elsewhere.c().number())).isZero();
    }

    @Test
    void anAppealPastTheWindowIsRefusedWithTheDateItClosed() {
        Restricted r = restricted();
        jdbc.sql("""
                update platform_command set issued_at = issued_at - interval '181 days'
                where case_pk = (select id from spot_case where case_number = :c)""").param("c", r.c().number()).update();

        Api.Response late = file("intake", AppealsTest.appealBody("AP-" + UUID.randomUUID(), r.c().number(), r.seller()));

        assertThat(late.status()).isEqualTo(409);
        assertThat(late.isProblem()).isTrue();
        assertThat(late.json().get("title").asText()).isEqualTo("Appeal window closed");
        assertThat(late.json().get("detail").asText()).contains("180 days", "closed on");
        assertThat(appeals(r.c().number())).isZero();
    }

    @Test
    void onlyTheCasesSellerMayAppealARestrictionThatExists() {
        Restricted r = restricted();
        String id = "AP-" + UUID.randomUUID();

        Api.Response stranger = file("intake", AppealsTest.appealBody(id, r.c().number(), "S-someone-else"));
        assertThat(stranger.status()).isEqualTo(403);
        assertThat(stranger.json().get("detail").asText()).contains("is not the seller");
        Api.Response unknown = file("intake", AppealsTest.appealBody(id, "CF-1999-000001", r.seller()));
        assertThat(unknown.status()).isEqualTo(404);
        ObjectNode flag = Flags.decidedAs("TEST_BUY");
        Case open = newCase(flag); // waiting for the purchase: nothing restricted yet
        Api.Response nothing = file("intake", AppealsTest.appealBody(id, open.number(),
                Flags.listing(flag).get("sellerId").asText()));
        assertThat(nothing.status()).isEqualTo(409);
        assertThat(nothing.json().get("title").asText()).isEqualTo("Case still open");
        ObjectNode genuineFlag = Flags.decidedAs("TEST_BUY");
        Case genuine = atVerification(genuineFlag);
        assertThat(verdict(genuine, "rh-acme", "GENUINE", "R-G").status()).isEqualTo(202);
        Api.Response unrestricted = file("intake", AppealsTest.appealBody(id, genuine.number(),
                Flags.listing(genuineFlag).get("sellerId").asText()));
        assertThat(unrestricted.status()).isEqualTo(409);
        assertThat(unrestricted.json().get("title").asText()).isEqualTo("Nothing to appeal");
        assertThat(jdbc.sql("select count(*) from appeal where appeal_id = :id").param("id", id).query(Long.class)
                .single()).isZero();
    }

    @Test
    void invalidBodiesAreRefusedNamingEachField() {
        Restricted r = restricted();
        String valid = AppealsTest.appealBody("AP-" + UUID.randomUUID(), r.c().number(), r.seller());

        Api.Response bad = file("intake", """
                {"appealId": "has spaces", "caseNumber": "", "sellerId": "S", "grounds": " ",
                 "evidence": [{"uri": "ftp://x", "sha256": "abc"}]}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.isProblem()).isTrue();
        JsonNode errors = bad.json().get("errors");
        assertThat(errors.toString()).contains("appealId", "caseNumber", "grounds", "evidence[0].uri", "evidence[0].sha256");
        assertThat(file("intake", "{not json").status()).isEqualTo(400);
        assertThat(file("intake", valid.replace("\"grounds\"", "\"grounds\": \"" + "x".repeat(4001) + "\", \"g\""))
                .status()).isEqualTo(400);
        assertThat(appeals(r.c().number())).isZero();
    }

    @Test
    void rolesAreChecked() {
        Restricted r = restricted();
        String appealId = "AP-" + UUID.randomUUID();
        String body = AppealsTest.appealBody(appealId, r.c().number(), r.seller());

        assertThat(file("analyst", body).status()).isEqualTo(403);
        assertThat(file("reviewer", body).status()).isEqualTo(403);
        assertThat(file("rh-acme", body).status()).isEqualTo(403);
        assertThat(api().post("/api/appeals", null, body).status()).isEqualTo(401);
        assertThat(appeals(r.c().number())).isZero();
        assertThat(file("intake", body).status()).isEqualTo(201);
        assertThat(api().get("/api/appeals/" + appealId, "reviewer").status()).isEqualTo(200);
        assertThat(api().get("/api/appeals/" + appealId, "manager").status()).isEqualTo(200);
        assertThat(api().get("/api/appeals/" + appealId, "rh-acme").status()).isEqualTo(403);
        assertThat(api().get("/api/appeals/AP-unknown", "intake").status()).isEqualTo(404);
    }
}
