package org.spotcheck.engine.guard;

import java.util.Set;

/**
 * Process variables that are need-to-know (the persona a buyer uses), declared as a bean by
 * the capability that owns them. They live only as local variables of a task (its
 * candidates may read them), never in engine history, and no deployed model may read or
 * copy them.
 */
public record ProtectedVariables(Set<String> names) {

    public ProtectedVariables {
        names = Set.copyOf(names);
    }
}
