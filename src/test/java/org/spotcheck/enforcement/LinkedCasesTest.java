package org.spotcheck.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.spotcheck.cases.CounterfeitCaseProcess.Elements.SPAWN_LINKED_CASES;
import static org.spotcheck.cases.CounterfeitCaseProcess.Elements.TAKE_DOWN_LISTING;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.spotcheck.enforcement.domain.LinkedFlagId;
import org.spotcheck.intake.FlagMapperAccess;
import org.spotcheck.intake.IntakeService;
import org.spotcheck.support.Api;
import org.spotcheck.support.CaseFlows;
import org.spotcheck.support.Flags;
import org.springframework.beans.factory.annotation.Autowired;

/** A confirmed fake opens a case for every seller linked to the counterfeiter, once. */
class LinkedCasesTest extends CaseFlows {

    @Autowired
    private LinkedCases linked;
    @Autowired
    private IntakeService intake;
    @Autowired
    private FlagMapperAccess flags;

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
        assertThat(view(origin).get("timeline").toString()).contains("Linked sellers: 2 cases (");

        List<String> again = linked.spawnFor(origin.number());

        assertThat(again).contains(yCase, ofZ.at("/items/0/caseNumber").asText());
        assertThat(jdbc.sql("select count(*) from flag where flag_id like :f").param("f", "LINK-" + origin.number() + "-%")
                .query(Long.class).single()).isEqualTo(2);
        // its earlier DISMISS flag stayed a signal: the linked case is its only one
        assertThat(api().get("/api/cases?sellerId=" + y, "analyst").json().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void aNetworkOfThreeHundredSellersWithALongSellerIdGetsItsCasesAndTheEnforcementStands() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String phone = "phone-" + tag;
        String longest = ("LONG-" + tag + "-").concat("x".repeat(100 - 14)); // as long as intake allows
        List<String> network = new ArrayList<>();
        for (int i = 0; i < 299; i++) {
            network.add(flagFor("N" + i + "-" + tag, phone, "DISMISS").toString());
        }
        network.add(flagFor(longest, phone, "DISMISS").toString());
        flags.receiveAll(intake, network);
        Api.Response tooLong = api().post("/api/cases", "intake", flagFor(longest + "y", phone, "DISMISS").toString());

        Case origin = counterfeit(flagFor("X-" + tag, phone, "TEST_BUY"));

        assertThat(longest).hasSize(100);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().at("/errors/0/field").asText()).isEqualTo("listing.sellerId");
        JsonNode view = view(origin);
        assertThat(view.at("/sanction/commands")).extracting(c -> c.get("command").asText()).contains("TAKE_DOWN_LISTING");
        assertThat(view.at("/sanction/level").asText()).isNotBlank();
        assertThat(view.at("/referral/refer").isBoolean()).isTrue();
        assertThat(jdbc.sql("select count(*) from flag where source = 'LINKED_SELLER' and flag_id like :f")
                .param("f", "LINK-" + origin.number() + "-%").query(Long.class).single()).isEqualTo(300);
        assertThat(jdbc.sql("select count(*) from flag where flag_id = :f")
                .param("f", LinkedFlagId.of(origin.number(), longest)).query(Long.class).single()).isEqualTo(1);
        // its earlier DISMISS flag stayed a signal: the linked case is its only one
        assertThat(api().get("/api/cases?sellerId=" + longest, "analyst").json().get("total").asInt()).isEqualTo(1);

        String summary = jdbc.sql("""
                select t.text from timeline_entry t join spot_case c on c.id = t.case_pk
                where c.case_number = :c and t.text like 'Linked sellers:%'""").param("c", origin.number())
                .query(String.class).single();
        assertThat(summary).startsWith("Linked sellers: 300 cases (").contains("and 280 more").hasSizeLessThan(500);
        JsonNode event = new ObjectMapper().readTree(jdbc.sql("""
                select data::text from outbox_event where subject = :c and type = 'spotcheck.case.linked-cases'""")
                .param("c", origin.number()).query(String.class).single());
        assertThat(event.get("opened").asInt()).isEqualTo(300);
        assertThat(event.get("caseNumbers")).hasSize(LinkedCases.NAMED);
    }

    @Test
    void aFailureOpeningLinkedCasesIsRetriedOnThatStepAndUndoesNoneOfTheEnforcement() {
        String phone = "phone-" + UUID.randomUUID();
        String y = "Y-" + UUID.randomUUID();
        api().post("/api/cases", "intake", flagFor(y, phone, "DISMISS").toString());
        Case origin = atVerification(flagFor("X-" + UUID.randomUUID(), phone, "TEST_BUY"));
        String verifier = view(origin).at("/verification/verifier").asText();
        String guard = "refuse_links_" + origin.number().replace('-', '_').toLowerCase();
        // for now this case's linked flags cannot be stored: a stand-in for whatever may fail there
        jdbc.sql("create function " + guard + "() returns trigger language plpgsql as $$ begin"
                + " if new.flag_id like 'LINK-" + origin.number() + "-%' then raise exception 'linked flags refused'; end if;"
                + " return new; end $$").update();
        jdbc.sql("create trigger " + guard + " before insert on flag for each row execute function " + guard + "()").update();
        Job spawn;
        try {
            assertThat(verdict(origin, verifier, "COUNTERFEIT", "R-" + origin.number()).status()).isEqualTo(202);
            engine.getManagementService().executeJob(job(origin, TAKE_DOWN_LISTING).getId());
            spawn = job(origin, SPAWN_LINKED_CASES);
            assertThatThrownBy(() -> engine.getManagementService().executeJob(spawn.getId()))
                    .hasStackTraceContaining("linked flags refused");

            JsonNode view = view(origin);
            assertThat(view.get("outcome").asText()).isEqualTo("COUNTERFEIT");
            assertThat(view.at("/sanction/commands")).extracting(c -> c.get("command").asText())
                    .contains("TAKE_DOWN_LISTING");
            assertThat(view.at("/referral/refer").isBoolean()).isTrue();
            assertThat(origin.process()).isWaitingAt(SPAWN_LINKED_CASES);
            assertThat(job(origin, SPAWN_LINKED_CASES).getRetries()).as("retried, then an incident").isEqualTo(2);
        } finally {
            jdbc.sql("drop trigger " + guard + " on flag").update();
            jdbc.sql("drop function " + guard + "()").update();
        }

        engine.getManagementService().executeJob(spawn.getId());

        assertThat(origin.process()).isEnded();
        // its earlier DISMISS flag stayed a signal: the linked case is its only one
        assertThat(api().get("/api/cases?sellerId=" + y, "analyst").json().get("total").asInt()).isEqualTo(1);
    }

    private Job job(Case c, String activityId) {
        return engine.getManagementService().createJobQuery().processInstanceId(c.process().getId())
                .activityId(activityId).singleResult();
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
