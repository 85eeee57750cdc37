package org.spotcheck.cases.domain;

/**
 * One page of a read that must stay cheap however much matches: a page is fetched with
 * one row more than it shows (so it knows whether more follow without counting), and a
 * count, when one is needed at all, stops at {@link #COUNT_CAP}.
 */
public record Paging(int page, int size) {

    /** Most rows one page shows. */
    public static final int MAX_SIZE = 100;
    /** A search reaches its first this many results; further on, narrower criteria find them. */
    public static final int SEARCH_REACH = 10_000;
    /** Counts stop here: past it, the total is reported as at least this many. */
    public static final int COUNT_CAP = SEARCH_REACH;

    public Paging {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page " + page + ", size " + size);
        }
    }

    public long offset() {
        return (long) page * size;
    }

    /** Rows to fetch: one beyond the page, to tell whether more follow. */
    public int fetch() {
        return size + 1;
    }

    /** @return whether the whole page lies within the first {@link #SEARCH_REACH} results */
    public boolean withinSearchReach() {
        return offset() + size <= SEARCH_REACH;
    }

    /**
     * The total as a page fetched with {@link #fetch()} rows tells it, without counting:
     * a page that is not full ends the results. Null when only a count can tell (more rows
     * follow, or the page lies past the end).
     */
    public Long totalFrom(int fetched) {
        if (fetched > size || fetched == 0 && page > 0) {
            return null;
        }
        return offset() + fetched;
    }

    /** What a page says about the results beyond it. */
    public record Total(long total, boolean exact, boolean hasMore) {
    }

    /**
     * @param fetched rows fetched with {@link #fetch()}
     * @param cappedCount a count that stops at {@link #COUNT_CAP} + 1, or null when none was made
     */
    public Total total(int fetched, Long cappedCount) {
        boolean hasMore = fetched > size;
        Long known = totalFrom(fetched);
        if (known != null) {
            return new Total(known, true, false);
        }
        if (cappedCount == null) {
            throw new IllegalArgumentException("the page alone does not tell the total: count");
        }
        return cappedCount > COUNT_CAP ? new Total(COUNT_CAP, false, hasMore) : new Total(cappedCount, true, hasMore);
    }
}
