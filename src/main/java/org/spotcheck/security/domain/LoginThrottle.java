package org.spotcheck.security.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Slows down password guessing without letting anyone lock anyone else out. Failures are
 * counted per client address and per account <em>from that address</em>, never per
 * account alone: wrong passwords sent by someone else never stop {@code intake}, a
 * verifier or the last admin from signing in with their own. After a few free failures
 * each further one doubles the wait, up to a cap; a success clears the account's count.
 * Held in memory per node, bounded in size, forgotten after a quiet spell.
 */
public final class LoginThrottle {

    /** How many failures a key gets free, and the longest it is ever made to wait. */
    public record Limits(int freePerAccount, int freePerClient, Duration maxWait, Duration forgetAfter, int maxKeys) {
    }

    private record Count(int failures, Instant last, Instant blockedUntil) {
    }

    private final Limits limits;
    private final Clock clock;
    private final Map<String, Count> counts;

    public LoginThrottle(Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        // least recently failed first out, so a flood of addresses cannot grow the heap without end
        this.counts = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Count> eldest) {
                return size() > limits.maxKeys();
            }
        };
    }

    /** @return how long this attempt must wait before it may be tried; zero when it may go ahead */
    public synchronized Duration waitFor(String account, String client) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        for (String key : keys(account, client)) {
            Count count = current(key, now);
            if (count != null && count.blockedUntil().isAfter(now)) {
                Duration left = Duration.between(now, count.blockedUntil());
                wait = left.compareTo(wait) > 0 ? left : wait;
            }
        }
        return wait;
    }

    public synchronized void failed(String account, String client) {
        Instant now = clock.instant();
        fail(clientKey(client), limits.freePerClient(), now);
        if (account != null) {
            fail(accountKey(account, client), limits.freePerAccount(), now);
        }
    }

    public synchronized void succeeded(String account, String client) {
        if (account != null) {
            counts.remove(accountKey(account, client));
        }
    }

    private void fail(String key, int free, Instant now) {
        Count count = current(key, now);
        int failures = count == null ? 1 : count.failures() + 1;
        Instant blockedUntil = now;
        if (failures > free) {
            long seconds = 1L << Math.min(30, failures - free - 1);
            Duration wait = Duration.ofSeconds(Math.min(seconds, limits.maxWait().toSeconds()));
            blockedUntil = now.plus(wait);
        }
        counts.put(key, new Count(failures, now, blockedUntil));
    }

    private Count current(String key, Instant now) {
        Count count = counts.get(key);
        if (count != null && count.last().plus(limits.forgetAfter()).isBefore(now)) {
            counts.remove(key);
            return null;
        }
        return count;
    }

    private static List<String> keys(String account, String client) {
        return account == null ? List.of(clientKey(client)) : List.of(clientKey(client), accountKey(account, client));
    }

    private static String clientKey(String client) {
        return "client " + client;
    }

    private static String accountKey(String account, String client) {
        return "account " + account + " from " + client;
    }
}
