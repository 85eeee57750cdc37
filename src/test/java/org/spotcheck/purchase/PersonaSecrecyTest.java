package org.spotcheck.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.spotcheck.support.CaseFlows;
import org.spotcheck.support.Flags;

/** The persona is an operational secret: the buyer's task has it, nothing that leaves the system does. */
class PersonaSecrecyTest extends CaseFlows {

    @Test
    void thePersonaAppearsInTheBuyersTaskOnly() {
        Case c = newCase(Flags.decidedAs("TEST_BUY"));
        String handle = (String) engine.getTaskService().getVariableLocal(task(c).getId(), "personaHandle");
        String address = (String) engine.getTaskService().getVariableLocal(task(c).getId(), "personaAddress");
        assertThat(handle).isNotBlank();
        completeAs("buyer", c, purchase(90.00));

        String events = String.join("\n", jdbc.sql("select data::text from outbox_event where subject = :c")
                .param("c", c.number()).query(String.class).list());
        assertThat(events).isNotEmpty().doesNotContain(handle).doesNotContain(address);
        for (String user : new String[] {"analyst", "manager", "custodian"}) {
            String view = api().get("/api/cases/" + c.number(), user).body();
            assertThat(view).doesNotContain(handle).doesNotContain(address);
        }
        assertThat(api().get("/api/cases/" + c.number() + "/custody", "analyst").body()).doesNotContain(handle);
        assertThat(engine.getRuntimeService().getVariables(c.process().getId())).doesNotContainKeys(
                "personaHandle", "personaAddress");
    }
}
