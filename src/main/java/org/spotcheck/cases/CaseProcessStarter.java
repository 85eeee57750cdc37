package org.spotcheck.cases;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Starts {@code counterfeit-case} inside the transaction that stored the case. */
@Component
public class CaseProcessStarter {

    private final RuntimeService runtime;
    private final CaseRepository cases;

    CaseProcessStarter(RuntimeService runtime, CaseRepository cases) {
        this.runtime = runtime;
        this.cases = cases;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String start(CaseRef ref, Map<String, Object> variables) {
        String id = runtime.startProcessInstanceByKey(CounterfeitCaseProcess.KEY, ref.caseNumber(), variables)
                .getProcessInstanceId();
        cases.attachProcess(ref.pk(), id);
        return id;
    }
}
