package org.spotcheck.evidence;

import java.util.List;
import org.spotcheck.cases.CaseRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class EvidenceController {

    private final EvidenceService evidence;
    private final CustodyLog custody;
    private final CaseRepository cases;
    private final EvidenceBundle bundles;

    EvidenceController(EvidenceService evidence, CustodyLog custody, CaseRepository cases, EvidenceBundle bundles) {
        this.evidence = evidence;
        this.custody = custody;
        this.cases = cases;
        this.bundles = bundles;
    }

    /** The case's evidence and custody chain, signed: {bundle (base64 JSON), signature, algorithm, publicKey}. */
    @GetMapping("/api/cases/{caseNumber}/evidence-bundle")
    java.util.Map<String, Object> bundle(@PathVariable String caseNumber) throws Exception {
        return bundles.export(caseNumber);
    }

    /** The case's chain of custody, oldest entry first. */
    @GetMapping("/api/cases/{caseNumber}/custody")
    List<EvidenceService.Entry> custody(@PathVariable String caseNumber) {
        return evidence.chain(cases.require(caseNumber).pk());
    }

    /** Recomputes every hash chain; names the first entry that does not hold. */
    @GetMapping("/api/evidence/verify")
    CustodyLog.Verification verify() {
        return custody.verify();
    }
}
