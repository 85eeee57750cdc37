package org.spotcheck.security;

import java.util.List;

/** Camunda identity groups of CONTRACT.md; a user's groups are its roles. */
public final class Groups {
    public static final String ADMIN = "camunda-admin";
    public static final String TRIAGE = "triage";
    public static final String TEST_BUYERS = "test-buyers";
    public static final String EVIDENCE_CUSTODIANS = "evidence-custodians";
    public static final String ENFORCEMENT_LIAISON = "enforcement-liaison";
    public static final String PROCESS_OWNERS = "process-owners";
    public static final String MANAGERS = "managers";
    public static final String INTEGRATIONS = "integrations";
    public static final String VERIFIERS = "verifiers";
    /** Decide sellers' appeals, never on a case they worked (appeal/AppealReviewers). */
    public static final String APPEALS = "appeals";
    /** Read the metrics at {@code /actuator/prometheus} and nothing else: Prometheus's account. */
    public static final String MONITORING = "monitoring";

    /** Groups that work on Tasklist tasks, each with a filter of its own. */
    public static final List<String> TASK_GROUPS = List.of(TRIAGE, TEST_BUYERS, EVIDENCE_CUSTODIANS, ENFORCEMENT_LIAISON,
            APPEALS);

    /** Internal staff who may read any case. */
    public static final List<String> STAFF = List.of(ADMIN, TRIAGE, TEST_BUYERS, EVIDENCE_CUSTODIANS,
            ENFORCEMENT_LIAISON, PROCESS_OWNERS, MANAGERS, APPEALS);

    public static final List<String> STAFF_AND_INTEGRATIONS = List.of(ADMIN, TRIAGE, TEST_BUYERS, EVIDENCE_CUSTODIANS,
            ENFORCEMENT_LIAISON, PROCESS_OWNERS, MANAGERS, APPEALS, INTEGRATIONS);

    public static final List<String> STAFF_AND_VERIFIERS = List.of(ADMIN, TRIAGE, TEST_BUYERS, EVIDENCE_CUSTODIANS,
            ENFORCEMENT_LIAISON, PROCESS_OWNERS, MANAGERS, APPEALS, VERIFIERS);

    private Groups() {
    }

    /** The Spring Security authority that stands for membership of a group. */
    public static String authority(String group) {
        return "GROUP_" + group;
    }

    static String[] authorities(List<String> groups) {
        return groups.stream().map(Groups::authority).toArray(String[]::new);
    }
}
