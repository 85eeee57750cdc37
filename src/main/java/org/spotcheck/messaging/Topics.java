package org.spotcheck.messaging;

import java.util.List;

/** Kafka topics of CONTRACT.md. */
public final class Topics {
    public static final String CASE_EVENTS = "spotcheck.case-events";
    public static final String PLATFORM_COMMANDS = "spotcheck.platform-commands";
    public static final String VERIFICATION_REQUESTS = "spotcheck.verification-requests";
    public static final String FLAG_DECISIONS = "spotcheck.flag-decisions";
    public static final String FLAGS = "spotcheck.flags";
    public static final String VERIFICATION_RESULTS = "spotcheck.verification-results";
    public static final String ENFORCEMENT_OUTCOMES = "spotcheck.enforcement-outcomes";

    /** The topics spotcheck consumes: each has its {@code <topic>.DLT}. */
    public static final List<String> INBOUND = List.of(FLAGS, VERIFICATION_RESULTS,
            ENFORCEMENT_OUTCOMES);

    private Topics() {
    }
}
