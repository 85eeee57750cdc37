package org.spotcheck.triage;

import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.spotcheck.triage.domain.TriageDecision;
import org.springframework.stereotype.Component;

/**
 * The DMN table {@code triage}, latest deployed version, evaluated in memory: intake
 * triages every flag with it before deciding whether a case needs a process at all, so
 * the many flags that end as MONITOR or DISMISS never reach the engine. A process starts
 * with the decision taken here (it does not evaluate the table again); a version deployed
 * by a process owner is picked up by the next batch.
 */
@Component
public class TriageTable {

    public static final String KEY = "triage";

    private final RepositoryService repository;
    // FEEL as the engine evaluates it, and the legacy FEEL engine: ~100 times faster for the
    // simple unary tests of a triage table (the full one builds a context per input entry)
    private final DmnEngine dmn = new DefaultDmnEngineConfiguration().buildEngine();
    private final DmnEngine fast = new DefaultDmnEngineConfiguration().enableFeelLegacyBehavior(true).buildEngine();
    private volatile Loaded loaded;

    TriageTable(RepositoryService repository) {
        this.repository = repository;
    }

    /** A version of the table; {@code fastFails} once the fast engine could not take one of its expressions. */
    private static final class Loaded {
        final String definitionId;
        final DmnDecision decision;
        final DmnDecision fastDecision;
        volatile boolean fastFails;

        Loaded(String definitionId, DmnDecision decision, DmnDecision fastDecision) {
            this.definitionId = definitionId;
            this.decision = decision;
            this.fastDecision = fastDecision;
        }
    }

    /**
     * Loads the latest table before the first flag arrives: checking it against the full
     * FEEL engine takes seconds on a cold JVM, which the first batch would otherwise wait for.
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void loadAtStart() {
        latest();
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
        Loaded table = current == null || !current.definitionId.equals(latest.getId()) ? load(latest) : current;
        return inputs -> {
            DmnDecisionResultEntries result = null;
            boolean evaluated = false;
            if (!table.fastFails) {
                try {
                    result = fast.evaluateDecision(table.fastDecision, inputs).getSingleResult();
                    evaluated = true;
                } catch (RuntimeException beyondLegacyFeel) {
                    // an expression only full FEEL understands: this version is evaluated the full way from now on
                    table.fastFails = true;
                }
            }
            if (!evaluated) {
                result = dmn.evaluateDecision(table.decision, inputs).getSingleResult();
            }
            if (result == null) {
                throw new IllegalStateException("DMN '" + KEY + "' has no rule for " + inputs);
            }
            return new Verdict(TriageDecision.valueOf(result.getEntry("decision")),
                    ((Number) result.getEntry("priority")).intValue());
        };
    }

    /** Parses and checks a new version once: batches of other threads wait for it rather than repeat the check. */
    private synchronized Loaded load(DecisionDefinition latest) {
        Loaded current = loaded;
        if (current != null && current.definitionId.equals(latest.getId())) {
            return current;
        }
        byte[] model;
        try (InputStream in = repository.getDecisionModel(latest.getId())) {
            model = in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read DMN '" + KEY + "'", e);
        }
        current = new Loaded(latest.getId(), dmn.parseDecision(KEY, new java.io.ByteArrayInputStream(model)),
                fast.parseDecision(KEY, new java.io.ByteArrayInputStream(model)));
        current.fastFails = !fastAgrees(current);
        loaded = current;
        return current;
    }

    /**
     * Whether both engines decide alike on a fixed sample of generated flags (thresholds,
     * extremes, missing values): the legacy engine reads some expressions differently (e.g.
     * arithmetic on a missing value), and a version it misreads is evaluated the full way.
     */
    private boolean fastAgrees(Loaded table) {
        java.util.Random random = new java.util.Random(20261129);
        String[] categories = {"COSMETICS", "FOOD", "DRUGS", "APPAREL", "ELECTRONICS", "TOYS", "LUXURY", "OTHER"};
        double[] edges = {0, 0.1, 0.24, 0.25, 0.29, 0.3, 0.39, 0.4, 0.49, 0.5, 0.6, 0.69, 0.7, 0.8, 0.84, 0.85, 0.9, 1};
        for (int i = 0; i < 300; i++) {
            Map<String, Object> inputs = new java.util.HashMap<>();
            inputs.put("riskScore", random.nextBoolean() ? edges[random.nextInt(edges.length)] : random.nextDouble());
            inputs.put("category", categories[random.nextInt(categories.length)]);
            inputs.put("priorStrikes", random.nextInt(5) == 0 ? null : random.nextInt(4));
            inputs.put("cleanChecks", random.nextInt(5) == 0 ? null : random.nextInt(4));
            inputs.put("disputeCount", random.nextInt(4) == 0 ? null : random.nextInt(9));
            inputs.put("avgRating", random.nextInt(4) == 0 ? null : random.nextInt(51) / 10.0);
            inputs.put("priceToMsrp", random.nextInt(4) == 0 ? null : random.nextInt(201) / 100.0);
            inputs.put("recentFlags", 1 + random.nextInt(6)); // intake always counts (this flag at least)
            inputs.put("reporterStanding", new String[] {"NORMAL", "NORMAL", "GOOD_FAITH", "WARNED"}[random.nextInt(4)]);
            inputs.put("salesValueCny", random.nextInt(3) == 0 ? null : random.nextInt(1_000_000) * 1.0);
            try {
                DmnDecisionResultEntries full = dmn.evaluateDecision(table.decision, inputs).getSingleResult();
                DmnDecisionResultEntries quick = fast.evaluateDecision(table.fastDecision, inputs).getSingleResult();
                if (full == null ? quick != null : quick == null || !full.getEntryMap().equals(quick.getEntryMap())) {
                    return false;
                }
            } catch (RuntimeException either) {
                return false;
            }
        }
        return true;
    }

    /** Whether the latest version loaded runs on the fast FEEL engine. */
    boolean onFastFeel() {
        Loaded current = loaded;
        return current != null && !current.fastFails;
    }

    @FunctionalInterface
    public interface Evaluator {
        Verdict decide(Map<String, Object> inputs);
    }
}
