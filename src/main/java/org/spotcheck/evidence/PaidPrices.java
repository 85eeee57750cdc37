package org.spotcheck.evidence;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What the test buyer paid for a case's item: a genuine item is booked as an asset at that
 * value. The purchase capability answers it (it depends on evidence, so evidence asks
 * through this interface rather than back).
 */
public interface PaidPrices {

    /** @return the amount paid for the case's test purchase, if one was recorded */
    Optional<BigDecimal> paidFor(long casePk);
}
