package org.spotcheck.evidence;

/** Names of process {@code evidence-retention} (bpmn/evidence-retention.bpmn). */
public final class EvidenceRetentionProcess {

    public static final String KEY = "evidence-retention";
    /** Message start: the counterfeit path (or anyone keeping evidence) starts retention with it. */
    public static final String START_MESSAGE = "EvidenceRetentionRequested";

    private EvidenceRetentionProcess() {
    }

    public static final class Elements {
        public static final String START = "StartEvent_RetentionRequested";
        public static final String RETENTION_OVER = "Event_RetentionPeriodOver";
        public static final String JOIN_REVIEW = "Gateway_JoinReview";
        public static final String REVIEW = "Task_ReviewRetention";
        public static final String GATEWAY_EXTEND = "Gateway_ExtendHold";
        public static final String RECORD_EXTENSION = "Task_RecordHoldExtension";
        public static final String EXTENSION_OVER = "Event_HoldExtensionOver";
        public static final String DISPOSE = "Task_DisposeEvidence";
        public static final String END_DISPOSED = "Event_EvidenceDisposed";

        private Elements() {
        }
    }

    public static final class Vars {
        public static final String CASE_NUMBER = "caseNumber";
        public static final String EVIDENCE_ID = "evidenceId";
        public static final String EVIDENCE_KIND = "evidenceKind";
        public static final String SEAL_NUMBER = "sealNumber";
        public static final String STORAGE_LOCATION = "storageLocation";
        public static final String EXTEND_HOLD = "extendHold";
        public static final String DISPOSAL_WITNESS = "disposalWitness";

        private Vars() {
        }
    }
}
