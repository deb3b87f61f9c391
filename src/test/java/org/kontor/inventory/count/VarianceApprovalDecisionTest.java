package org.kontor.inventory.count;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kontor.platform.ProcessTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One case per rule of {@code processes/variance-approval.dmn}, evaluated by the engine's DecisionService as
 * deployed, and the same case through {@link VarianceRules} (what the robot uses per line), which must agree.
 */
@ProcessTest
class VarianceApprovalDecisionTest {

    @Autowired
    DecisionService decisions;

    @Autowired
    VarianceRules rules;

    @ParameterizedTest(name = "{0}: variance {1} ({2} EUR) on book {3}, class {4}, recounts {5} -> {6}")
    @CsvSource({
            // rule,                 variance, value,   book, abc, recounts, decision (reading confidence 1)
            "Rule_NoVariance,              0,      0.00,   100, A,   0, AUTO_ACCEPT",
            "Rule_RecountClassA,        -121,   -598.95,   141, A,   0, RECOUNT",
            "Rule_RecountClassA (found), 90,     445.50,   10,  A,   0, RECOUNT",
            "after one recount,         -121,   -598.95,   141, A,   1, SUPERVISOR_APPROVAL",
            "Rule_WithinOneUnit,          -1,    -18.90,   150, B,   0, AUTO_ACCEPT",
            "Rule_WithinOneUnit (+1),      1,     49.00,     3, C,   0, AUTO_ACCEPT",
            "Rule_WithinTwoPercent,       -2,     -9.90,   141, A,   0, AUTO_ACCEPT",
            "Rule_WithinTwoPercent (edge), 4,     20.00,   200, ,    0, AUTO_ACCEPT",
            "over 50 EUR within 1 unit,   -1,    -89.00,   10,  C,   0, SUPERVISOR_APPROVAL",
            "over 2% under 50 EUR,        -3,    -14.85,   100, B,   0, SUPERVISOR_APPROVAL",
            "class A half but cheap,     -60,    -30.00,   100, A,   0, SUPERVISOR_APPROVAL",
            "class B very large share,  -121,   -598.95,   141, B,   0, SUPERVISOR_APPROVAL",
    })
    void everyRuleDecidesAsDocumented(String rule, int variance, String value, int book, String abc, int recounts,
            VarianceDecision expected) {
        BigDecimal share = VarianceRules.share(variance, book);
        Map<String, Object> inputs = VarianceRules.inputs(variance, new BigDecimal(value), share, abc, recounts, 1.0);

        DmnDecisionRuleResult engine = decisions.evaluateDecisionTableByKey(InventoryReconciliationProcess.DECISION_KEY,
                inputs).getSingleResult();
        assertThat(engine.<String>getEntry(VarianceRules.OUT_DECISION)).as(rule).isEqualTo(expected.name());
        assertThat(engine.<String>getEntry(VarianceRules.OUT_REASON)).isNotBlank();

        VarianceRules.Outcome robot = rules.latest().evaluate(variance, new BigDecimal(value), share, abc, recounts, 1.0);
        assertThat(robot.decision()).as(rule).isEqualTo(expected);
        assertThat(robot.reason()).isEqualTo(engine.<String>getEntry(VarianceRules.OUT_REASON));
    }

    @ParameterizedTest(name = "variance {0} read with confidence {1} -> {2}")
    @CsvSource({
            "-1, 0.85, SUPERVISOR_APPROVAL",
            "-1, 0.90, AUTO_ACCEPT",
            " 0, 0.50, AUTO_ACCEPT",
    })
    void linesReadUnsurelyFromAScanGoToASupervisor(int variance, double confidence, VarianceDecision expected) {
        BigDecimal value = BigDecimal.valueOf(variance).multiply(new BigDecimal("4.95"));
        BigDecimal share = VarianceRules.share(variance, 100);
        DmnDecisionRuleResult engine = decisions.evaluateDecisionTableByKey(InventoryReconciliationProcess.DECISION_KEY,
                VarianceRules.inputs(variance, value, share, "B", 0, confidence)).getSingleResult();
        assertThat(engine.<String>getEntry(VarianceRules.OUT_DECISION)).isEqualTo(expected.name());
        assertThat(rules.latest().evaluate(variance, value, share, "B", 0, confidence).decision()).isEqualTo(expected);
    }
}
