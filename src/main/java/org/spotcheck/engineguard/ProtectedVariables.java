package org.spotcheck.engineguard;

import java.util.Set;
import org.spotcheck.cases.CounterfeitCaseProcess.Vars;

/**
 * Process variables that are need-to-know: the persona a buyer uses. They live only as
 * local variables of the purchase task (its candidates may read them), never in engine
 * history, and no deployed model may read or copy them.
 */
public final class ProtectedVariables {

    public static final Set<String> NAMES = Set.of(Vars.PERSONA_HANDLE, Vars.PERSONA_ADDRESS);

    private ProtectedVariables() {
    }
}
