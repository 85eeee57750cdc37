package org.spotcheck.verification;

/** Variables of counterfeit-case's verification stage. */
public final class VerificationProcess {

    public static final String ROUTE = "verificationRoute";
    public static final String FORCE_LAB = "forceLab";
    /** Whether the case's brand has a rights holder enrolled as verifier (an input of verification-route). */
    public static final String BRAND_ENROLLED = "brandEnrolled";
    public static final String VERIFIER_ID = "verifierId";
    public static final String VERDICT = "verdict";
    public static final String INCONCLUSIVE_DECISION = "inconclusiveDecision";

    private VerificationProcess() {
    }
}
