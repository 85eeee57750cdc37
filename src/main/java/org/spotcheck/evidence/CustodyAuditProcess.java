package org.spotcheck.evidence;

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
        public static final String ENTRIES_CHECKED = "entriesChecked";
        /** The first broken entry, when its incident is already open (the check does not raise it twice). */
        public static final String KNOWN_BREAK = "knownBreak";

        private Vars() {
        }
    }
}
