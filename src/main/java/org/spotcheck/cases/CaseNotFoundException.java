package org.spotcheck.cases;

import org.spotcheck.web.NotFoundException;

public class CaseNotFoundException extends NotFoundException {

    public CaseNotFoundException(String caseNumber) {
        super("Case not found", "No case " + caseNumber);
    }
}
