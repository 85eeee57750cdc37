package org.spotcheck.engine.guard;

import java.util.Set;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;

/**
 * The engine's own history writer, less the protected variables: history outlives the
 * purchase and is read by everyone with READ_HISTORY, so persona data never enters it
 * (neither the historic variable instance, nor its details, nor a submitted form's field).
 */
class NeedToKnowHistory extends DbHistoryEventHandler {

    private final Set<String> protectedNames;

    NeedToKnowHistory(Set<String> protectedNames) {
        this.protectedNames = Set.copyOf(protectedNames);
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (event instanceof HistoricVariableUpdateEventEntity variable
                && protectedNames.contains(variable.getVariableName())) {
            return;
        }
        // a submitted form writes each field as a form property too, read-only fields included
        if (event instanceof HistoricFormPropertyEventEntity field
                && protectedNames.contains(field.getPropertyId())) {
            return;
        }
        super.handleEvent(event);
    }
}
