package org.spotcheck.evidence.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash of a custody entry: SHA-256 over its fields and the hashes of the entries
 * before it (of the same item and overall). Anyone holding the entries can recompute it.
 */
public final class CustodyHash {

    private CustodyHash() {
    }

    public static String of(Entry e) {
        String canonical = String.join("\n", "spotcheck-custody-v1", Long.toString(e.evidenceId()), e.action(),
                e.actor(), e.at().toString(), e.details(), nullToEmpty(e.prevItemHash()),
                nullToEmpty(e.prevGlobalHash()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every JVM has SHA-256", ex);
        }
    }

    /**
     * Checks entries in the order they were written.
     *
     * @return the id of the first entry whose hash or links do not hold, or null when all hold
     */
    public static Long firstBroken(List<Entry> entries) {
        String prevGlobal = null;
        java.util.Map<Long, String> prevByItem = new java.util.HashMap<>();
        for (Entry e : entries) {
            boolean linksHold = java.util.Objects.equals(e.prevGlobalHash(), prevGlobal)
                    && java.util.Objects.equals(e.prevItemHash(), prevByItem.get(e.evidenceId()));
            if (!linksHold || !of(e).equals(e.entryHash())) {
                return e.id();
            }
            prevGlobal = e.entryHash();
            prevByItem.put(e.evidenceId(), e.entryHash());
        }
        return null;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** One entry of the log as stored. {@code at} is kept to the microsecond, as PostgreSQL stores it. */
    public record Entry(long id, long evidenceId, String action, String actor, Instant at, String details,
                        String prevItemHash, String prevGlobalHash, String entryHash) {
    }
}
