package org.spotcheck.intake;

import org.spotcheck.messaging.PollingThread;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Runs the flag-decisions relay every {@code spotcheck.flag-decisions.poll-millis} on a thread of its own. */
@Component
class FlagDecisionRelaySchedule implements SmartLifecycle {

    private final PollingThread thread;

    FlagDecisionRelaySchedule(FlagDecisionRelay relay, @Value("${spotcheck.flag-decisions.poll-millis:200}") long pollMillis) {
        this.thread = new PollingThread("flag-decisions-relay", relay::relay, pollMillis);
    }

    @Override
    public void start() {
        thread.start();
    }

    @Override
    public void stop() {
        thread.stop();
    }

    @Override
    public boolean isRunning() {
        return thread.isRunning();
    }
}
