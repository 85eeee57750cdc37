package org.spotcheck.cases;

/** Published inside the transaction that closed a case, so other capabilities settle their part. */
public record CaseClosed(CaseRef ref, Outcome outcome) {
}
