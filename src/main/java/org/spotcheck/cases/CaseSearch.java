package org.spotcheck.cases;

import org.spotcheck.cases.domain.Paging;

/** Criteria of {@code GET /api/cases}; null means "any". */
record CaseSearch(String flagId, String listingId, String sellerId, CaseStatus status, Outcome outcome,
                  Paging paging) {
}
