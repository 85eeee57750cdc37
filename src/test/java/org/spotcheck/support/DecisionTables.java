package org.spotcheck.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/** The DMN files of {@code bpmn/} on a standalone DMN engine, noting which rule matched first. */
public final class DecisionTables {

    private final DmnEngine dmn;
    private String matchedRule;

    public DecisionTables() {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.customPostDecisionTableEvaluationListeners(List.of(
                event -> matchedRule = event.getMatchingRules().isEmpty() ? null
                        : event.getMatchingRules().get(0).getId()));
        dmn = configuration.buildEngine();
    }

    public DmnDecision parse(String file, String decisionKey) {
        try (InputStream in = Files.newInputStream(Path.of("bpmn", file))) {
            return dmn.parseDecision(decisionKey, in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bpmn/" + file, e);
        }
    }

    public DmnDecisionRuleResult evaluate(DmnDecision decision, Map<String, Object> inputs) {
        return dmn.evaluateDecisionTable(decision, inputs).getSingleResult();
    }

    /** The id of the rule that decided the last evaluation. */
    public String matchedRule() {
        return matchedRule;
    }
}
