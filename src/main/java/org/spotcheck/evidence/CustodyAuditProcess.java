package org.spotcheck.evidence;

import static io.holunda.camunda.bpm.data.CamundaBpmData.intVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.longVariable;

import io.holunda.camunda.bpm.data.factory.VariableFactory;

/** Names of process {@code custody-audit} (bpmn/custody-audit.bpmn): an hourly check of every custody chain. */
public final class CustodyAuditProcess {

    public static final String KEY = "custody-audit";

    private CustodyAuditProcess() {
    }

    /** Element ids of the diagram. */
    public static final class Elements {
        public static final String START = "StartEvent_AuditDue";
        public static final String VERIFY = "Task_VerifyCustodyChains";
        public static final String END = "EndEvent_ChainsChecked";

        private Elements() {
        }
    }

    /** Process variables. */
    public static final class Vars {
        /** How many custody entries the check recomputed. */
        public static final VariableFactory<Integer> ENTRIES_CHECKED = intVariable("entriesChecked");
        /** The first broken entry, when its incident is already open (the check does not raise it twice). */
        public static final VariableFactory<Long> KNOWN_BREAK = longVariable("knownBreak");

        private Vars() {
        }
    }
}
