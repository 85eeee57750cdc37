package org.spotcheck.security;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What each task of a group's Tasklist filter shows beside its name, so a case worker picks
 * the next task without opening each one (the task's own priority and due date show anyway):
 * process variables by name, as the processes' backing classes declare them (this shared
 * room imports no capability), with their column labels.
 */
public final class TasklistColumns {

    /** Variable name to label, in the order Tasklist shows them. */
    public static final Map<String, String> VARIABLES;

    static {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("caseNumber", "Case");
        columns.put("listingTitle", "Listing");
        columns.put("brand", "Brand");
        columns.put("priority", "Triage priority");
        columns.put("appealId", "Appeal");
        VARIABLES = java.util.Collections.unmodifiableMap(columns);
    }

    private TasklistColumns() {
    }
}
