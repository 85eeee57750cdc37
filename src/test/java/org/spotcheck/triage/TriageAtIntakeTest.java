package org.spotcheck.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.junit.jupiter.api.Test;
import org.spotcheck.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Intake's in-memory triage (fast FEEL engine) decides exactly as the engine's DMN
 * evaluation inside the process, over generated inputs with thresholds, extremes and
 * missing values; a table version with an expression only full FEEL understands is
 * still evaluated, the full way.
 */
class TriageAtIntakeTest extends IntegrationTest {

    private static final List<String> CATEGORIES =
            List.of("COSMETICS", "FOOD", "DRUGS", "APPAREL", "ELECTRONICS", "TOYS", "LUXURY", "OTHER");
    private static final double[] EDGES = {0, 0.24, 0.25, 0.29, 0.3, 0.39, 0.4, 0.49, 0.5, 0.69, 0.7, 0.84, 0.85, 1};

    @Autowired
    private TriageTable table;

    @Test
    void decidesAsTheEngineDoesOnGeneratedFlags() {
        assertThat(agreements(new Random(42), 500)).isEqualTo(500);
        assertThat(table.onFastFeel()).as("the shipped table runs on the fast engine").isTrue();
    }

    @Test
    void aTableWithFullFeelIsEvaluatedTheFullWay() throws Exception {
        String shipped = Files.readString(Path.of("bpmn/triage.dmn"));
        String fullFeel = shipped.replace("<text>&gt;= 0.85</text>", "<text>&gt;= abs(-0.85)</text>");
        assertThat(fullFeel).isNotEqualTo(shipped);
        deploy(fullFeel);
        try {
            assertThat(agreements(new Random(7), 100)).isEqualTo(100);
            assertThat(table.onFastFeel()).as("a FEEL function is beyond the fast engine").isFalse();
        } finally {
            deploy(shipped);
        }
    }

    /** As the deployer at start-up deploys it (deployment "spotcheck", stable resource names). */
    private void deploy(String triage) {
        engine.getRepositoryService().createDeployment().name("spotcheck")
                .source("spotcheck").enableDuplicateFiltering(true)
                .addString("bpmn/triage.dmn", triage).deploy();
    }

    private int agreements(Random random, int count) {
        TriageTable.Evaluator evaluator = table.latest();
        int compared = 0;
        for (int i = 0; i < count; i++) {
            Map<String, Object> inputs = new HashMap<>();
            inputs.put("riskScore", random.nextBoolean() ? EDGES[random.nextInt(EDGES.length)] : random.nextDouble());
            inputs.put("category", CATEGORIES.get(random.nextInt(CATEGORIES.size())));
            inputs.put("priorStrikes", random.nextInt(5) == 0 ? null : random.nextInt(4));
            inputs.put("cleanChecks", random.nextInt(5) == 0 ? null : random.nextInt(4));
            inputs.put("disputeCount", random.nextInt(4) == 0 ? null : random.nextInt(9));
            inputs.put("avgRating", random.nextInt(4) == 0 ? null : random.nextInt(51) / 10.0);
            inputs.put("priceToMsrp", random.nextInt(4) == 0 ? null : random.nextInt(201) / 100.0);
            inputs.put("salesValueCny", random.nextInt(3) == 0 ? null : random.nextInt(1_000_000) * 1.0);
            inputs.put("recentFlags", 1 + random.nextInt(6));
            // intake always names a standing (NORMAL without a reporter)
            inputs.put("reporterStanding", List.of("NORMAL", "GOOD_FAITH", "WARNED", "SUSPENDED").get(random.nextInt(4)));

            TriageTable.Verdict atIntake = evaluator.decide(inputs);
            DmnDecisionRuleResult inEngine = engine.getDecisionService().evaluateDecisionTableByKey(TriageTable.KEY,
                    inputs).getSingleResult();

            assertThat(atIntake.decision().name()).as("%s", inputs).isEqualTo(inEngine.getEntry("decision"));
            assertThat(atIntake.priority()).as("%s", inputs).isEqualTo(((Number) inEngine.getEntry("priority")).intValue());
            compared++;
        }
        return compared;
    }
}
