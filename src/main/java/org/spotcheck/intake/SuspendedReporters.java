package org.spotcheck.intake;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.spotcheck.intake.domain.NewFlag;
import org.spotcheck.standing.NotifierStanding;
import org.springframework.stereotype.Component;

/**
 * Which flags intake refuses because their reporter is suspended, for every door (REST, a
 * batch, Kafka) alike: a flag already on record is answered as the first time instead.
 */
@Component
class SuspendedReporters {

    private final NotifierStanding standing;
    private final FlagQueries queries;

    SuspendedReporters(NotifierStanding standing, FlagQueries queries) {
        this.standing = standing;
        this.queries = queries;
    }

    /** @return what each refused flag is told, by flag id; empty when none is refused */
    Map<String, String> refusals(Collection<NewFlag> flags) {
        Map<String, NotifierStanding.Suspension> suspended = standing.suspended(flags.stream().map(NewFlag::reporter)
                .filter(Objects::nonNull).distinct().toList());
        Map<String, String> refused = new HashMap<>();
        for (NewFlag flag : flags) {
            NotifierStanding.Suspension suspension = flag.reporter() == null ? null : suspended.get(flag.reporter());
            if (suspension != null && queries.flag(flag.flagId()).isEmpty()) {
                refused.put(flag.flagId(), "reporter " + suspension.reporterId() + " is suspended until "
                        + suspension.until() + ": " + suspension.reason());
            }
        }
        return refused;
    }

    /** The suspension behind a refusal, for an answer that names its end date and reason apart. */
    NotifierStanding.Suspension of(NewFlag flag) {
        return standing.suspended(java.util.List.of(flag.reporter())).get(flag.reporter());
    }
}
