package org.spotcheck.listing.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A listing's watch record: the days it was flagged within the flag retention, with the
 * number of flags of each day. It answers how often the listing was flagged lately (triage's
 * {@code recentFlags}) and on which days a resent flag can be on record, without reading the
 * flags themselves: at most one entry per retained day, whatever the listing's history.
 *
 * @param days   ascending, distinct
 * @param counts flags of each day, parallel to {@code days}
 */
public record Watch(List<LocalDate> days, List<Integer> counts, Instant firstFlaggedAt, Instant lastFlaggedAt,
                    String lastDecision) {

    /** The window of {@code recentFlags}: this many days, today included. */
    public static final int RECENT_DAYS = 30;

    public Watch {
        if (days.size() != counts.size()) {
            throw new IllegalArgumentException("days and counts differ in length");
        }
        days = List.copyOf(days);
        counts = List.copyOf(counts);
    }

    /** A listing never flagged. */
    public static Watch none() {
        return new Watch(List.of(), List.of(), null, null, null);
    }

    /** Flags on record for the {@link #RECENT_DAYS} days ending {@code today}, today included. */
    public int recentFlags(LocalDate today) {
        LocalDate from = today.minusDays(RECENT_DAYS - 1L);
        int sum = 0;
        for (int i = 0; i < days.size(); i++) {
            if (!days.get(i).isBefore(from) && !days.get(i).isAfter(today)) {
                sum += counts.get(i);
            }
        }
        return sum;
    }

    /**
     * @param flags     flags received for the listing on {@code today} (at least one)
     * @param keepFrom  the first day still retained: older days are forgotten, as their flags are
     * @return the record with them added
     */
    public Watch add(LocalDate today, Instant at, int flags, LocalDate keepFrom, String decision) {
        if (flags < 1) {
            throw new IllegalArgumentException("at least one flag is added");
        }
        List<LocalDate> newDays = new ArrayList<>();
        List<Integer> newCounts = new ArrayList<>();
        boolean added = false;
        for (int i = 0; i < days.size(); i++) {
            LocalDate day = days.get(i);
            if (day.isBefore(keepFrom)) {
                continue;
            }
            if (!added && day.isAfter(today)) { // a node's clock behind another's: keep the order
                newDays.add(today);
                newCounts.add(flags);
                added = true;
            }
            newDays.add(day);
            newCounts.add(day.equals(today) ? counts.get(i) + flags : counts.get(i));
            added |= day.equals(today);
        }
        if (!added) {
            newDays.add(today);
            newCounts.add(flags);
        }
        Instant first = firstFlaggedAt == null || at.isBefore(firstFlaggedAt) ? at : firstFlaggedAt;
        Instant last = lastFlaggedAt == null || at.isAfter(lastFlaggedAt) ? at : lastFlaggedAt;
        return new Watch(newDays, newCounts, first, last, decision);
    }
}
