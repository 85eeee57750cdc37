package org.spotcheck.evidence.domain;

import java.util.regex.Pattern;

/** A SHA-256 digest as evidence is identified by: exactly 64 hexadecimal characters (video, photos, documents). */
public final class Sha256 {

    public static final Pattern HEX = Pattern.compile("^[0-9a-fA-F]{64}$");

    private Sha256() {
    }

    public static boolean isHex(String value) {
        return value != null && HEX.matcher(value).matches();
    }
}
