package org.spotcheck.triage;

import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.spotcheck.triage.domain.ExplorationPolicy;
import org.spotcheck.triage.domain.TriageDecision;
import org.springframework.stereotype.Component;

/**
 * The DMN table {@code triage}, latest deployed version, evaluated in memory: intake
 * triages every flag with it before deciding whether a case needs a process at all, so
 * the many flags that end as MONITOR or DISMISS never reach the engine. The same table
 * runs again inside the process for the flags that start one, with the same inputs and
 * so the same answer; a version deployed by a process owner is picked up by the next batch.
 */
@Component
public class TriageTable {

    public static final String KEY = "triage";

    private final RepositoryService repository;
    private final ExplorationPolicy exploration;
    private final DmnEngine dmn = new DefaultDmnEngineConfiguration().buildEngine();
    private volatile Loaded loaded;

    TriageTable(RepositoryService repository, TriageProperties properties) {
        this.repository = repository;
        this.exploration = new ExplorationPolicy(properties.explorationShare(), properties.explorationSeed());
    }

    /** Where a case goes after triage: the decision, or an exploration buy drawn for it (as the process draws it). */
    public ExplorationPolicy.Route route(String caseNumber, TriageDecision decision) {
        return exploration.route(caseNumber, decision);
    }

    private record Loaded(String definitionId, DmnDecision decision) {
    }

    /** A decision and its priority, as the table's two outputs. */
    public record Verdict(TriageDecision decision, int priority) {
    }

    /** The latest deployed table, checked once per call: use one for a whole batch. */
    public Evaluator latest() {
        DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(KEY).latestVersion()
                .singleResult();
        if (latest == null) {
            throw new IllegalStateException("DMN '" + KEY + "' is not deployed");
        }
        Loaded current = loaded;
        if (current == null || !current.definitionId().equals(latest.getId())) {
            try (InputStream model = repository.getDecisionModel(latest.getId())) {
                current = new Loaded(latest.getId(), dmn.parseDecision(KEY, model));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot read DMN '" + KEY + "'", e);
            }
            loaded = current;
        }
        DmnDecision decision = current.decision();
        return inputs -> {
            DmnDecisionResultEntries result = dmn.evaluateDecision(decision, inputs).getSingleResult();
            if (result == null) {
                throw new IllegalStateException("DMN '" + KEY + "' has no rule for " + inputs);
            }
            return new Verdict(TriageDecision.valueOf(result.getEntry("decision")),
                    ((Number) result.getEntry("priority")).intValue());
        };
    }

    @FunctionalInterface
    public interface Evaluator {
        Verdict decide(Map<String, Object> inputs);
    }
}
