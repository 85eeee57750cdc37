package org.spotcheck.intake.domain;

public enum FlagSource {
    RISK_MODEL, CONSUMER_DISPUTE, RIGHTS_HOLDER_REPORT, LINKED_SELLER, MANUAL
}
