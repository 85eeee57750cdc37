package org.spotcheck.enforcement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinkedFlagIdTest {

    @Test
    void aShortSellerIdIsKeptAsItIs() {
        assertThat(LinkedFlagId.of("CF-2026-000042", "SELLER-9")).isEqualTo("LINK-CF-2026-000042-SELLER-9");
    }

    @Test
    void aSellerIdTooLongForAFlagIdIsCutAndTwoLongIdsStayApart() {
        String common = "S".repeat(99);

        String one = LinkedFlagId.of("CF-2026-000042", common + "1");
        String other = LinkedFlagId.of("CF-2026-000042", common + "2");

        assertThat(one).hasSize(LinkedFlagId.MAX_LENGTH).startsWith("LINK-CF-2026-000042-SSS");
        assertThat(other).hasSize(LinkedFlagId.MAX_LENGTH).isNotEqualTo(one);
        assertThat(LinkedFlagId.of("CF-2026-000042", common + "1")).isEqualTo(one);
    }
}
