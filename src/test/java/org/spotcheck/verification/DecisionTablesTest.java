package org.spotcheck.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.spotcheck.support.DecisionTables;
import org.junit.jupiter.params.provider.CsvSource;

/** bpmn/verification-route.dmn, bpmn/sanction.dmn and bpmn/referral.dmn as process owners edit them: every rule. */
class DecisionTablesTest {

    private static final DecisionTables TABLES = new DecisionTables();

    private static DmnDecisionRuleResult evaluate(String file, String decision, Map<String, Object> inputs) {
        return TABLES.evaluate(TABLES.parse(file, decision), inputs);
    }

    @ParameterizedTest(name = "{0}, enrolled={1}, forceLab={2} -> {3} by rule {4}")
    @CsvSource(textBlock = """
            APPAREL,   true,  true,  LAB,           1
            FOOD,      true,  false, LAB,           2
            COSMETICS, true,  false, LAB,           2
            DRUGS,     false, false, LAB,           2
            APPAREL,   true,  false, RIGHTS_HOLDER, 3
            LUXURY,    true,  false, RIGHTS_HOLDER, 3
            APPAREL,   false, false, LAB,           4
            """)
    void routesTheSample(String category, boolean enrolled, boolean forceLab, String route, int rule) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("category", category);
        inputs.put("brandEnrolled", enrolled);
        inputs.put("forceLab", forceLab);

        assertThat(evaluate("verification-route.dmn", "verification-route", inputs).<String>getEntry("route"))
                .isEqualTo(route);
        assertThat(TABLES.matchedRule()).isEqualTo(String.format("Rule_Route_%02d", rule));
    }

    @ParameterizedTest(name = "strikes={0} {1} sales={2} -> {3} by rule {4}")
    @CsvSource(nullValues = "null", textBlock = """
            2, APPAREL,   null,   PERMANENT_BAN,   1
            1, FOOD,      null,   PERMANENT_BAN,   2
            0, DRUGS,     null,   SHOP_CLOSURE,    3
            0, TOYS,      50000,  SHOP_CLOSURE,    4
            1, TOYS,      100,    SHOP_CLOSURE,    5
            0, LUXURY,    5000,   LISTING_REMOVAL, 6
            0, LUXURY,    4999,   WARNING,         7
            0, OTHER,     null,   WARNING,         7
            """)
    void sanctions(int strikes, String category, Double sales, String sanction, int rule) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("priorStrikes", strikes);
        inputs.put("category", category);
        inputs.put("salesValueCny", sales);

        assertThat(evaluate("sanction.dmn", "sanction", inputs).<String>getEntry("sanction")).isEqualTo(sanction);
        assertThat(TABLES.matchedRule()).isEqualTo(String.format("Rule_Sanction_%02d", rule));
    }

    @ParameterizedTest(name = "sales={0} {1} strikes={2} -> refer={3} {4} by rule {5}")
    @CsvSource(nullValues = "null", textBlock = """
            60000, APPAREL,     0, true,  PUBLIC_SECURITY,    1
            null,  FOOD,        0, true,  FOOD_AND_DRUG,      2
            100,   DRUGS,       0, true,  FOOD_AND_DRUG,      2
            null,  COSMETICS,   0, true,  MARKET_REGULATION,  3
            null,  TOYS,        1, true,  QUALITY_INSPECTION, 4
            null,  TOYS,        0, false, null,               6
            null,  APPAREL,     2, true,  MARKET_REGULATION,  5
            49999, LUXURY,      1, false, null,               6
            """)
    void refers(Double sales, String category, int strikes, boolean refer, String agency, int rule) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("salesValueCny", sales);
        inputs.put("category", category);
        inputs.put("priorStrikes", strikes);

        DmnDecisionRuleResult result = evaluate("referral.dmn", "referral", inputs);

        assertThat(result.<Boolean>getEntry("refer")).isEqualTo(refer);
        assertThat(result.<String>getEntry("agency")).isEqualTo(agency);
        assertThat(TABLES.matchedRule()).isEqualTo(String.format("Rule_Referral_%02d", rule));
    }
}
