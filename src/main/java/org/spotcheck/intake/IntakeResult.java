package org.spotcheck.intake;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Answer of {@code POST /api/cases}; {@code mergedInto} only when the flag joined an open case. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntakeResult(String caseNumber, String status, String processInstanceId, String mergedInto,
                           @JsonIgnore boolean created) {
}
