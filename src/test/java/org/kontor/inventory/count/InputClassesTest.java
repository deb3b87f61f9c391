package org.kontor.inventory.count;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Test;

/**
 * Deciding once per input class must give what the DMN engine gives for every single line: the shipped table
 * on random and boundary inputs, and a table a designer wrote with more FEEL than comparisons.
 */
class InputClassesTest {

    private static final Set<String> INPUTS = Set.of(VarianceRules.IN_QUANTITY, VarianceRules.IN_VALUE,
            VarianceRules.IN_SHARE, VarianceRules.IN_ABC, VarianceRules.IN_RECOUNTS, VarianceRules.IN_READING_CONFIDENCE);
    private final DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    @Test
    void theShippedTableDecidedByClassAgreesWithTheEngineOnEveryLine() throws Exception {
        byte[] xml = Files.readAllBytes(Path.of(InventoryReconciliationProcess.DECISION_RESOURCE));
        VarianceRules.Rules rules = rules(xml);
        assertThat(rules.byInputClass()).isTrue();
        DmnDecision decision = engine.parseDecision(InventoryReconciliationProcess.DECISION_KEY, new ByteArrayInputStream(xml));

        Random random = new Random(11);
        int[] edges = {-2, -1, 0, 1, 2};
        String[] classes = {"A", "B", "C", ""};
        for (int i = 0; i < 1_500; i++) {
            int book = random.nextInt(4) == 0 ? random.nextInt(3) : random.nextInt(600);
            int variance = i % 3 == 0 ? edges[random.nextInt(edges.length)] : random.nextInt(book + 3) - book / 2 - 1;
            // prices that put the value on and around the 50 EUR limit
            BigDecimal price = i % 4 == 0 && variance != 0
                    ? new BigDecimal(50).divide(BigDecimal.valueOf(Math.abs(variance)), 2, java.math.RoundingMode.HALF_UP)
                            .add(BigDecimal.valueOf(random.nextInt(3) - 1, 2))
                    : BigDecimal.valueOf(1 + random.nextInt(9_900), 2);
            BigDecimal value = StockCountService.value(variance, price);
            BigDecimal share = VarianceRules.share(variance, book);
            String abc = classes[random.nextInt(classes.length)];
            int recounts = random.nextInt(3);
            double reading = i % 5 == 0 ? new double[] {0.5, 0.89, 0.9, 0.95, 1.0}[random.nextInt(5)] : 1.0;

            VarianceRules.Outcome byClass = rules.evaluate(variance, value, share, abc, recounts, reading);
            DmnDecisionRuleResult direct = engine.evaluateDecisionTable(decision,
                    VarianceRules.inputs(variance, value, share, abc, recounts, reading)).getFirstResult();
            assertThat(byClass.decision().name()).as("variance %d value %s share %s class %s recounts %d", variance,
                    value, share, abc, recounts).isEqualTo(direct.getEntry(VarianceRules.OUT_DECISION));
            assertThat(byClass.reason()).isEqualTo(direct.getEntry(VarianceRules.OUT_REASON));
        }
    }

    @Test
    void aTableUsingMoreOfFeelIsEvaluatedPerInput() throws Exception {
        String xml = Files.readString(Path.of(InventoryReconciliationProcess.DECISION_RESOURCE))
                .replace("<inputEntry id=\"Entry_WithinOneUnit_Quantity\"><text>[-1..1]</text>",
                        "<inputEntry id=\"Entry_WithinOneUnit_Quantity\"><text>abs(?) &lt;= 1</text>");
        VarianceRules.Rules rules = rules(xml.getBytes(StandardCharsets.UTF_8));

        assertThat(rules.byInputClass()).isFalse();
        assertThat(rules.evaluate(-1, new BigDecimal("-18.90"), VarianceRules.share(-1, 150), "B", 0, 1.0).decision())
                .isEqualTo(VarianceDecision.AUTO_ACCEPT);
        assertThat(rules.evaluate(-2, new BigDecimal("-37.80"), VarianceRules.share(-2, 50), "B", 0, 1.0).decision())
                .isEqualTo(VarianceDecision.SUPERVISOR_APPROVAL);
    }

    @Test
    void inputsOtherThanTheRobotsAreNotClassified() throws Exception {
        String xml = Files.readString(Path.of(InventoryReconciliationProcess.DECISION_RESOURCE))
                .replace("<text>recounts</text>", "<text>recounts + 1</text>");
        assertThat(InputClasses.of(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                InventoryReconciliationProcess.DECISION_KEY, INPUTS)).isEmpty();
    }

    private VarianceRules.Rules rules(byte[] xml) {
        Optional<InputClasses> classes = InputClasses.of(new ByteArrayInputStream(xml),
                InventoryReconciliationProcess.DECISION_KEY, INPUTS);
        return new VarianceRules.Rules("test:1", 1,
                engine.parseDecision(InventoryReconciliationProcess.DECISION_KEY, new ByteArrayInputStream(xml)), engine,
                classes);
    }
}
