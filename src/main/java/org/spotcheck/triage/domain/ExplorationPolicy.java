package org.spotcheck.triage.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Buys a small share of low-risk flags anyway, so the hit rate of what the risk model
 * waves through can be measured. The draw is a pure function of a seed and the case
 * number: reproducible in tests, identical on every node, and unaffected by retries.
 */
public final class ExplorationPolicy {

    private final double share;
    private final String seed;

    public ExplorationPolicy(double share, String seed) {
        if (share < 0 || share > 1) {
            throw new IllegalArgumentException("exploration share must be within 0..1, was " + share);
        }
        this.share = share;
        this.seed = seed;
    }

    /** The route a case takes after triage: the table's decision, or TEST_BUY when drawn for exploration. */
    public Route route(String caseNumber, TriageDecision decision) {
        if (decision.isLowRisk() && draw(caseNumber) < share) {
            return new Route(TriageDecision.TEST_BUY, true);
        }
        return new Route(decision, false);
    }

    /** A number in [0, 1), uniformly spread over case numbers. */
    double draw(String caseNumber) {
        byte[] hash = sha256(seed + ':' + caseNumber);
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (hash[i] & 0xff);
        }
        return (bits >>> 11) / (double) (1L << 53);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    public record Route(TriageDecision decision, boolean exploration) {
    }
}
