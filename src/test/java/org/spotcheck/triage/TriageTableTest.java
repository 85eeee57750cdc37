package org.spotcheck.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.spotcheck.support.DecisionTables;
import org.junit.jupiter.params.provider.CsvSource;

/** bpmn/triage.dmn exactly as process owners edit it: each rule, top to bottom. */
class TriageTableTest {

    private static final DecisionTables TABLES = new DecisionTables();
    private static final DmnDecision TRIAGE = TABLES.parse("triage.dmn", "triage");

    @ParameterizedTest(name = "rule {0}: strikes={1} {2} risk={3} disputes={4} rating={5} price/msrp={6} -> {7} P{8}")
    @CsvSource(nullValues = "null", textBlock = """
            # rule, priorStrikes, category, riskScore, disputes, rating, priceToMsrp, decision, priority
             1, 2, APPAREL,   0.05, 0,    4.9,  1.0,  TEST_BUY, 1
             2, 0, FOOD,      0.5,  0,    4.9,  1.0,  TEST_BUY, 1
             2, 0, DRUGS,     0.55, null, null, null, TEST_BUY, 1
             2, 0, COSMETICS, 0.6,  0,    4.9,  1.0,  TEST_BUY, 1
             3, 0, APPAREL,   0.85, 0,    4.9,  1.0,  TEST_BUY, 1
             4, 0, ELECTRONICS, 0.7, 0,   4.9,  1.0,  TEST_BUY, 2
             5, 0, LUXURY,    0.4,  0,    4.9,  0.25, TEST_BUY, 2
             6, 0, FOOD,      0.3,  0,    4.9,  1.0,  REVIEW,   2
             7, 0, TOYS,      0.1,  5,    2.9,  1.0,  REVIEW,   2
             8, 1, TOYS,      0.1,  0,    4.9,  1.0,  REVIEW,   2
             9, 0, OTHER,     0.5,  0,    4.9,  1.0,  REVIEW,   3
            10, 0, OTHER,     0.25, 0,    4.9,  1.0,  MONITOR,  3
            11, 0, OTHER,     0.24, 0,    4.9,  1.0,  DISMISS,  3
            11, 0, OTHER,     0.0,  null, null, null, DISMISS,  3
            """)
    void decides(int rule, Integer priorStrikes, String category, Double riskScore, Integer disputes, Double rating,
                 Double priceToMsrp, String decision, int priority) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("priorStrikes", priorStrikes);
        inputs.put("category", category);
        inputs.put("riskScore", riskScore);
        inputs.put("disputeCount", disputes);
        inputs.put("avgRating", rating);
        inputs.put("priceToMsrp", priceToMsrp);
        inputs.put("cleanChecks", null);

        DmnDecisionRuleResult result = TABLES.evaluate(TRIAGE, inputs);

        assertThat(result.<String>getEntry("decision")).isEqualTo(decision);
        assertThat(result.<Integer>getEntry("priority")).isEqualTo(priority);
        assertThat(TABLES.matchedRule()).isEqualTo(String.format("Rule_Triage_%02d", rule));
    }

    @ParameterizedTest(name = "clean checks {0}, {1} at risk {2} -> {3} P{4} by {5}")
    @CsvSource(textBlock = """
            2, APPAREL, 0.75, REVIEW,   3, Rule_Triage_CleanRecord
            1, APPAREL, 0.75, TEST_BUY, 2, Rule_Triage_04
            2, APPAREL, 0.9,  TEST_BUY, 1, Rule_Triage_03
            2, FOOD,    0.6,  TEST_BUY, 1, Rule_Triage_02
            2, APPAREL, 0.3,  MONITOR,  3, Rule_Triage_10
            """)
    void aCleanRecordLowersThePriorityOfMediumRisk(int cleanChecks, String category, double riskScore, String decision,
                                                   int priority, String rule) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("priorStrikes", 0);
        inputs.put("category", category);
        inputs.put("riskScore", riskScore);
        inputs.put("disputeCount", 0);
        inputs.put("avgRating", 4.8);
        inputs.put("priceToMsrp", 1.0);
        inputs.put("cleanChecks", cleanChecks);

        DmnDecisionRuleResult result = TABLES.evaluate(TRIAGE, inputs);

        assertThat(result.<String>getEntry("decision")).isEqualTo(decision);
        assertThat(result.<Integer>getEntry("priority")).isEqualTo(priority);
        assertThat(TABLES.matchedRule()).isEqualTo(rule);
    }

    @ParameterizedTest(name = "threshold: {0} at risk {1} -> {2}")
    @CsvSource(textBlock = """
            FOOD,    0.49, REVIEW
            APPAREL, 0.84, TEST_BUY
            APPAREL, 0.69, REVIEW
            APPAREL, 0.49, MONITOR
            """)
    void healthCategoriesAreBoughtAtLowerRiskThanOthers(String category, double riskScore, String decision) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("priorStrikes", 0);
        inputs.put("category", category);
        inputs.put("riskScore", riskScore);
        inputs.put("disputeCount", 0);
        inputs.put("avgRating", 4.8);
        inputs.put("priceToMsrp", 1.0);
        inputs.put("cleanChecks", 0);

        assertThat(TABLES.evaluate(TRIAGE, inputs).<String>getEntry("decision"))
                .isEqualTo(decision);
    }
}
