package org.spotcheck.purchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.spotcheck.cases.CounterfeitCaseProcess;
import org.spotcheck.support.Api;
import org.spotcheck.support.CaseFlows;
import org.spotcheck.support.Flags;
import org.spotcheck.support.ProcessRef;

/** A persona never buys twice from one seller: with none left, the case waits until one is added. */
class PersonaWaitTest extends CaseFlows {

    @Test
    void waitsForAFreshPersonaInsteadOfReusingOne() {
        long active = jdbc.sql("select count(*) from persona where active").query(Long.class).single();
        String seller = "SELLER-" + UUID.randomUUID();
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i <= active; i++) {
            ObjectNode flag = Flags.decidedAs("TEST_BUY");
            Flags.listing(flag).put("sellerId", seller);
            cases.add(newCase(flag));
        }
        Case last = cases.get(cases.size() - 1);

        assertThat(last.process()).isWaitingAt(CounterfeitCaseProcess.Elements.WAIT_PERSONA);
        assertThat(view(last).get("status").asText()).isEqualTo("AWAITING_PERSONA");
        assertThat(view(last).get("timeline").toString()).contains("Waiting for a buyer persona");
        assertThat(jdbc.sql("""
                select count(distinct a.persona_pk) from persona_assignment a join seller s on s.id = a.seller_pk
                where s.seller_id = :seller""").param("seller", seller).query(Long.class).single()).isEqualTo(active);

        Api.Response added = api().post("/api/personas", "admin",
                "{\"handle\": \"buyer-" + UUID.randomUUID() + "\", \"addressLabel\": \"Locker 99\"}");

        assertThat(added.status()).isEqualTo(201);
        assertThat(ProcessRef.of(engine, last.process().getId()))
                .isWaitingAt(CounterfeitCaseProcess.Elements.PERFORM_TEST_PURCHASE);
    }

    @Test
    void personasAreManagedByAdministratorsOnly() {
        assertThat(api().get("/api/personas", "buyer").status()).isEqualTo(403);
        assertThat(api().get("/api/personas", "manager").status()).isEqualTo(403);
        assertThat(api().get("/api/personas", "admin").status()).isEqualTo(200);
        Api.Response bad = api().post("/api/personas", "admin", "{\"handle\": \"\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors")).extracting(e -> e.get("field").asText())
                .contains("handle", "addressLabel");
        String handle = "dup-" + UUID.randomUUID();
        assertThat(api().post("/api/personas", "admin", "{\"handle\": \"" + handle + "\", \"addressLabel\": \"Parcel locker " + handle + "\"}")
                .status()).isEqualTo(201);
        Api.Response duplicate = api().post("/api/personas", "admin",
                "{\"handle\": \"" + handle + "\", \"addressLabel\": \"Another locker\"}");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.isProblem()).isTrue();
    }
}
