package org.spotcheck.enforcement.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The flag id of a linked seller's flag: {@code LINK-<origin case>-<seller id>}, derived so
 * a retried step finds the flag it made, and never longer than a flag id may be (100, as
 * intake validates and {@code flag.flag_id} stores). A seller id too long for that keeps a
 * readable prefix and ends in a digest of the whole id, so two long ids stay apart.
 */
public final class LinkedFlagId {

    public static final int MAX_LENGTH = 100;
    private static final int DIGEST_CHARS = 16;

    private LinkedFlagId() {
    }

    public static String of(String originCase, String sellerId) {
        String plain = "LINK-" + originCase + "-" + sellerId;
        if (plain.length() <= MAX_LENGTH) {
            return plain;
        }
        return plain.substring(0, MAX_LENGTH - DIGEST_CHARS - 1) + "~" + digest(sellerId);
    }

    private static String digest(String sellerId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(sellerId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, DIGEST_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
