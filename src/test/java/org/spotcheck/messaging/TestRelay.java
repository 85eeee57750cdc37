package org.spotcheck.messaging;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Lets tests in any package publish the outbox now (the test profile polls only hourly). */
@Component
@Profile("test")
public class TestRelay {

    private final OutboxRelay relay;

    TestRelay(OutboxRelay relay) {
        this.relay = relay;
    }

    public void relay() {
        relay.relay();
    }
}
