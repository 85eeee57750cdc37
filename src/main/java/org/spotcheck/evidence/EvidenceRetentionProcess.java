package org.spotcheck.evidence;

import static io.holunda.camunda.bpm.data.CamundaBpmData.booleanVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.longVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import io.holunda.camunda.bpm.data.factory.VariableFactory;

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
        public static final VariableFactory<String> CASE_NUMBER = stringVariable("caseNumber");
        public static final VariableFactory<Long> EVIDENCE_ID = longVariable("evidenceId");
        public static final VariableFactory<String> EVIDENCE_KIND = stringVariable("evidenceKind");
        public static final VariableFactory<String> SEAL_NUMBER = stringVariable("sealNumber");
        public static final VariableFactory<String> STORAGE_LOCATION = stringVariable("storageLocation");
        public static final VariableFactory<Boolean> EXTEND_HOLD = booleanVariable("extendHold");
        /** The custodian who completed the last review. */
        public static final VariableFactory<String> REVIEWED_BY = stringVariable("retentionReviewedBy");
        public static final VariableFactory<String> DISPOSAL_WITNESS = stringVariable("disposalWitness");

        private Vars() {
        }
    }
}
