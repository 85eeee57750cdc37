package org.spotcheck.cases;

/** A case's database key and its public number. */
public record CaseRef(long pk, String caseNumber) {
}
