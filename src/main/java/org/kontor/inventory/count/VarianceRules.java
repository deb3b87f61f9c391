package org.kontor.inventory.count;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The deployed {@code variance-approval} decision (latest version, as designers deployed it from the Modeler),
 * evaluated per count line. The decision table is parsed once per deployed version and evaluated by a
 * stand-alone DMN engine: a count sheet has up to hundreds of thousands of lines, and going through
 * DecisionService would write a historic decision instance per line. Each line keeps the decision, its
 * reason and the decision version instead (see {@code stock_count_line} and {@code stock_count.decision_version}).
 */
@Component
public class VarianceRules {

    /** The inputs of the decision table, by the names used in its input expressions. */
    public static final String IN_QUANTITY = "varianceQuantity";
    public static final String IN_VALUE = "varianceValue";
    public static final String IN_SHARE = "varianceShare";
    public static final String IN_ABC = "abcClass";
    public static final String IN_RECOUNTS = "recounts";
    /** How sure the robot read the line from a scanned sheet, 0..1; 1 for typed sheets and forms. */
    public static final String IN_READING_CONFIDENCE = "readingConfidence";
    public static final String OUT_DECISION = "decision";
    public static final String OUT_REASON = "reason";
    private static final Set<String> INPUTS = Set.of(IN_QUANTITY, IN_VALUE, IN_SHARE, IN_ABC, IN_RECOUNTS,
            IN_READING_CONFIDENCE);
    private static final Logger log = LoggerFactory.getLogger(VarianceRules.class);

    public record Outcome(VarianceDecision decision, String reason) {
    }

    /**
     * One deployed version of the decision, ready to evaluate. A decision table is a pure function of its
     * inputs, and FEEL evaluation costs milliseconds, so the engine decides once per input class (inputs that
     * compare alike with every literal of the table, see {@link InputClasses}) and the outcome is remembered for
     * the version: a 200,000-line count needs a few hundred evaluations, and the table as deployed still decides
     * every line. Tables using more of FEEL are evaluated once per distinct input.
     */
    public static final class Rules {

        private static final int MAX_REMEMBERED = 20_000;

        private final String definitionId;
        private final int version;
        private final DmnDecision decision;
        private final DmnEngine engine;
        private final Map<Object, Outcome> remembered = new ConcurrentHashMap<>();
        /** Empty when the table uses FEEL beyond simple comparisons: then outcomes are remembered per input. */
        private final Optional<InputClasses> classes;

        Rules(String definitionId, int version, DmnDecision decision, DmnEngine engine, Optional<InputClasses> classes) {
            this.definitionId = definitionId;
            this.version = version;
            this.decision = decision;
            this.engine = engine;
            this.classes = classes;
        }

        /** Whether lines are decided once per input class (see {@link InputClasses}) rather than per distinct input. */
        public boolean byInputClass() {
            return classes.isPresent();
        }

        public String definitionId() {
            return definitionId;
        }

        public String versionLabel() {
            return InventoryReconciliationProcess.DECISION_KEY + ":" + version;
        }

        public Outcome evaluate(int variance, BigDecimal value, BigDecimal share, String abcClass, int recounts,
                double readingConfidence) {
            Object key = classes.isPresent()
                    ? classes.get().classOf(Map.of(IN_QUANTITY, variance, IN_VALUE, value.doubleValue(), IN_SHARE,
                            share.doubleValue(), IN_ABC, abcClass == null ? "" : abcClass, IN_RECOUNTS, recounts,
                            IN_READING_CONFIDENCE, readingConfidence))
                    : List.of(variance, value.stripTrailingZeros(), share.stripTrailingZeros(),
                            abcClass == null ? "" : abcClass, recounts, readingConfidence);
            Outcome known = remembered.get(key);
            if (known != null) {
                return known;
            }
            Outcome outcome = evaluateTable(variance, value, share, abcClass, recounts, readingConfidence);
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.clear();
            }
            remembered.put(key, outcome);
            return outcome;
        }

        private Outcome evaluateTable(int variance, BigDecimal value, BigDecimal share, String abcClass, int recounts,
                double readingConfidence) {
            DmnDecisionRuleResult result = engine.evaluateDecisionTable(decision, inputs(variance, value, share,
                    abcClass, recounts, readingConfidence)).getFirstResult();
            if (result == null || result.get(OUT_DECISION) == null) {
                // a table without a catch-all rule: a person decides
                return new Outcome(VarianceDecision.SUPERVISOR_APPROVAL, "no rule of " + versionLabel() + " matched");
            }
            Object reason = result.get(OUT_REASON);
            return new Outcome(VarianceDecision.valueOf(result.get(OUT_DECISION).toString()),
                    reason == null ? null : reason.toString());
        }
    }

    private final RepositoryService repository;
    private final DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private final Map<String, Rules> parsed = new ConcurrentHashMap<>();

    VarianceRules(RepositoryService repository) {
        this.repository = repository;
    }

    public Rules latest() {
        DecisionDefinition definition = repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey(InventoryReconciliationProcess.DECISION_KEY).latestVersion().withoutTenantId()
                .singleResult();
        if (definition == null) {
            throw new IllegalStateException("The decision '" + InventoryReconciliationProcess.DECISION_KEY
                    + "' is not deployed: deploy " + InventoryReconciliationProcess.DECISION_RESOURCE + ".");
        }
        return parsed.computeIfAbsent(definition.getId(), id -> {
            try (InputStream xml = repository.getDecisionModel(id)) {
                byte[] dmn = xml.readAllBytes();
                Optional<InputClasses> classes = InputClasses.of(new ByteArrayInputStream(dmn),
                        InventoryReconciliationProcess.DECISION_KEY, INPUTS);
                if (classes.isEmpty()) {
                    log.info("{}: input entries beyond simple comparisons; evaluating once per distinct input", id);
                }
                return new Rules(id, definition.getVersion(), engine.parseDecision(
                        InventoryReconciliationProcess.DECISION_KEY, new ByteArrayInputStream(dmn)), engine, classes);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** The share of on-hand stock a variance amounts to: |variance| / expected, with an expected 0 counted as 1. */
    public static BigDecimal share(int variance, int expected) {
        return BigDecimal.valueOf(Math.abs((long) variance)).divide(BigDecimal.valueOf(Math.max(expected, 1)), 4,
                RoundingMode.HALF_UP);
    }

    static VariableMap inputs(int variance, BigDecimal value, BigDecimal share, String abcClass, int recounts,
            double readingConfidence) {
        return Variables.createVariables().putValue(IN_QUANTITY, variance).putValue(IN_VALUE, value.doubleValue())
                .putValue(IN_SHARE, share.doubleValue()).putValue(IN_ABC, abcClass == null ? "" : abcClass)
                .putValue(IN_RECOUNTS, recounts).putValue(IN_READING_CONFIDENCE, readingConfidence);
    }
}
