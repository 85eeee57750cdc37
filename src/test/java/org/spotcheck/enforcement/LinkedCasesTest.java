package org.spotcheck.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.spotcheck.support.CaseFlows;
import org.spotcheck.support.Flags;
import org.springframework.beans.factory.annotation.Autowired;

/** A confirmed fake opens a case for every seller linked to the counterfeiter, once. */
class LinkedCasesTest extends CaseFlows {

    @Autowired
    private LinkedCases linked;

    private ObjectNode flagFor(String seller, String phone, String decision) {
        ObjectNode flag = Flags.decidedAs(decision);
        Flags.listing(flag).put("sellerId", seller);
        flag.putObject("sellerIdentity").put("phoneHash", phone);
        return flag;
    }

    @Test
    void linkedSellersGetCasesOnceEvenWhenTheStepIsRetried() {
        String phone = "phone-" + UUID.randomUUID();
        String counterfeiter = "X-" + UUID.randomUUID();
        String y = "Y-" + UUID.randomUUID();
        String z = "Z-" + UUID.randomUUID();
        api().post("/api/cases", "intake", flagFor(y, phone, "DISMISS").toString());
        api().post("/api/cases", "intake", flagFor(z, phone, "DISMISS").toString());

        Case origin = counterfeit(flagFor(counterfeiter, phone, "TEST_BUY"));
        startLinkedCasesOf(y, z);

        JsonNode ofY = api().get("/api/cases?sellerId=" + y + "&status=AWAITING_PURCHASE", "analyst").json();
        JsonNode ofZ = api().get("/api/cases?sellerId=" + z + "&status=AWAITING_PURCHASE", "analyst").json();
        assertThat(ofY.get("total").asInt()).isEqualTo(1);
        assertThat(ofZ.get("total").asInt()).isEqualTo(1);
        String yCase = ofY.at("/items/0/caseNumber").asText();
        JsonNode yView = api().get("/api/cases/" + yCase, "analyst").json();
        assertThat(yView.at("/flags/0/source").asText()).isEqualTo("LINKED_SELLER");
        assertThat(yView.at("/flags/0/flagId").asText()).isEqualTo("LINK-" + origin.number() + "-" + y);
        assertThat(view(origin).get("timeline").toString()).contains("Linked sellers: cases [");

        List<String> again = linked.spawnFor(origin.number());

        assertThat(again).contains(yCase, ofZ.at("/items/0/caseNumber").asText());
        assertThat(jdbc.sql("select count(*) from flag where flag_id like :f").param("f", "LINK-" + origin.number() + "-%")
                .query(Long.class).single()).isEqualTo(2);
        assertThat(api().get("/api/cases?sellerId=" + y, "analyst").json().get("total").asInt()).isEqualTo(2);
    }

    /** The linked cases' processes start asynchronously: run their start jobs, as the job executor would. */
    private void startLinkedCasesOf(String... sellers) {
        for (String seller : sellers) {
            for (String process : jdbc.sql("""
                    select c.process_instance_id from spot_case c join seller s on s.id = c.seller_pk
                    where s.seller_id = :s and c.process_instance_id is not null""").param("s", seller)
                    .query(String.class).list()) {
                runJobs(process);
            }
        }
    }

    @Test
    void personasAreNotReusedAnywhereInTheNetwork() {
        String phone = "phone-" + UUID.randomUUID();
        Case first = newCase(flagFor("P-" + UUID.randomUUID(), phone, "TEST_BUY"));
        Case second = newCase(flagFor("Q-" + UUID.randomUUID(), phone, "TEST_BUY"));

        Object firstPersona = engine.getTaskService().getVariableLocal(task(first).getId(), "personaHandle");
        Object secondPersona = engine.getTaskService().getVariableLocal(task(second).getId(), "personaHandle");

        assertThat(firstPersona).isNotNull().isNotEqualTo(secondPersona);
    }
}
