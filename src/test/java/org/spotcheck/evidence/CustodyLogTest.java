package org.spotcheck.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.spotcheck.support.CaseFlows;
import org.spotcheck.support.Flags;

/** The custody log is append-only in the database, and verification finds an edit made behind its back. */
class CustodyLogTest extends CaseFlows {

    private long anEntry() {
        Case c = purchased(Flags.decidedAs("TEST_BUY"));
        return jdbc.sql("""
                select e.id from custody_entry e join evidence_item i on i.id = e.evidence_pk
                join spot_case c on c.id = i.case_pk where c.case_number = :c""")
                .param("c", c.number()).query(Long.class).single();
    }

    @Test
    void theDatabaseRefusesUpdateDeleteAndTruncate() {
        long entry = anEntry();

        assertThatThrownBy(() -> jdbc.sql("update custody_entry set actor = 'someone else' where id = :id")
                .param("id", entry).update()).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from custody_entry where id = :id").param("id", entry).update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate custody_entry cascade").update())
                .rootCause().hasMessageContaining("append-only");
    }

    @Test
    void verificationNamesTheFirstEntryEditedBehindTheApplicationsBack() {
        long entry = anEntry();
        anEntry(); // entries after the edited one
        JsonNode before = api().get("/api/evidence/verify", "custodian").json();
        assertThat(before.get("intact").asBoolean()).isTrue();
        assertThat(before.get("entriesChecked").asInt()).isGreaterThanOrEqualTo(2);

        String original = tamper(entry, "Purchase video swapped");
        try {
            JsonNode after = api().get("/api/evidence/verify", "custodian").json();

            assertThat(after.get("intact").asBoolean()).isFalse();
            assertThat(after.get("firstBrokenEntry").asLong()).isEqualTo(entry);

            String failed = scheduledAudit();
            Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(failed).singleResult();
            assertThat(incident).as("incident in Cockpit").isNotNull();
            assertThat(incident.getIncidentMessage()).contains("Custody chain broken at entry " + entry);
            assertThat(alertsFor(entry)).isEqualTo(1);

            String nextHour = scheduledAudit(); // the break is still there: no second incident, no second alert
            assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(nextHour).count()).isZero();
            assertThat(engine.getRuntimeService().createIncidentQuery()
                    .incidentMessageLike("%entry " + entry + ":%").count()).isEqualTo(1);
            assertThat(alertsFor(entry)).isEqualTo(1);
            engine.getRuntimeService().deleteProcessInstance(failed, "test cleanup: break investigated");
        } finally {
            tamper(entry, original);
        }
        assertThat(api().get("/api/evidence/verify", "custodian").json().get("intact").asBoolean()).isTrue();
    }

    @Test
    void theScheduledAuditOfIntactChainsEndsQuietly() {
        anEntry();
        String run = scheduledAudit();

        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(run)
                .singleResult().getState()).isEqualTo("COMPLETED");
        assertThat(engine.getManagementService().createJobQuery().processDefinitionKey("custody-audit").timers()
                .count()).as("next run scheduled").isEqualTo(1);
    }

    /** Fires the audit's timer start event and runs the audit job, as the job executor would; @return the run's instance */
    private String scheduledAudit() {
        ManagementService jobs = engine.getManagementService();
        Job timer = jobs.createJobQuery().processDefinitionKey("custody-audit").timers().singleResult();
        jobs.executeJob(timer.getId());
        Job audit = jobs.createJobQuery().processDefinitionKey("custody-audit").messages().executable().singleResult();
        try {
            jobs.executeJob(audit.getId());
        } catch (RuntimeException expectedOnABreak) {
            assertThat(expectedOnABreak).hasMessageContaining("Custody chain broken");
        }
        return audit.getProcessInstanceId();
    }

    private long alertsFor(long entry) {
        return jdbc.sql("""
                select count(*) from outbox_event where type = 'spotcheck.evidence.chain-broken'
                and (data ->> 'firstBrokenEntry')::bigint = :entry""").param("entry", entry).query(Long.class).single();
    }

    /** What an attacker with database superuser rights could do: switch the guard off and edit. */
    private String tamper(long entry, String details) {
        String original = jdbc.sql("select details from custody_entry where id = :id").param("id", entry)
                .query(String.class).single();
        jdbc.sql("alter table custody_entry disable trigger custody_entry_no_update").update();
        try {
            jdbc.sql("update custody_entry set details = :d where id = :id").param("d", details).param("id", entry)
                    .update();
        } finally {
            jdbc.sql("alter table custody_entry enable trigger custody_entry_no_update").update();
        }
        return original;
    }
}
