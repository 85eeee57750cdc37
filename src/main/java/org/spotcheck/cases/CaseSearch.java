package org.spotcheck.cases;

/** Criteria of {@code GET /api/cases}; null means "any". */
record CaseSearch(String flagId, String listingId, String sellerId, CaseStatus status, Outcome outcome,
                  int page, int size) {
}
