package org.spotcheck.intake;

import org.spotcheck.messaging.PollingThread;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Runs the flag-decisions relay every {@code spotcheck.flag-decisions.poll-millis} on a thread of its own. */
@Component
class FlagDecisionRelaySchedule extends PollingThread {

    FlagDecisionRelaySchedule(FlagDecisionRelay relay,
                              @Value("${spotcheck.flag-decisions.poll-millis:200}") long pollMillis) {
        super("flag-decisions-relay", relay::relay, pollMillis);
    }
}
