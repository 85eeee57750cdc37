package org.spotcheck.intake;

/**
 * What intake made of a flag: its triage decision and, when it opened or joined a case, the
 * case. {@code duplicate}: the flag id was on record (or earlier in the same batch) and this
 * answer is the first one again; {@code opened}: this flag opened its case now.
 *
 * @param status            the case's status, when there is a case
 * @param processInstanceId the case's process, when it has one
 * @param mergedInto        the open case the flag joined
 */
public record FlagAnswer(String flagId, String decision, Integer priority, boolean exploration, String caseNumber,
                         String status, String processInstanceId, String mergedInto, boolean duplicate,
                         boolean opened) {

    FlagAnswer again() {
        return new FlagAnswer(flagId, decision, priority, exploration, caseNumber, status, processInstanceId,
                mergedInto, true, false);
    }

    FlagAnswer withCase(String caseStatus, String process) {
        return new FlagAnswer(flagId, decision, priority, exploration, caseNumber, caseStatus, process, mergedInto,
                duplicate, opened);
    }
}
