package org.spotcheck.cases;

/** Who verifies a sample: DMN {@code verification-route}'s answer. */
public enum VerificationRoute {
    RIGHTS_HOLDER,
    LAB
}
