package org.kontor.inventory.count;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * Equivalence classes of the inputs of one deployed decision table: two lines whose inputs compare the same way
 * (less, equal, greater) with every literal the table's input entries mention match the same rules, so the
 * table needs to be evaluated - by the real DMN engine - only once per class. A count of 200,000 lines has a few
 * hundred classes at most.
 *
 * <p>This holds only for input entries made of comparisons, intervals, literals, lists and {@code not(..)} over
 * number or string literals, with plain variable names as input expressions: the designer's table may use any
 * FEEL, so for anything else {@link #of} answers empty and the caller evaluates per distinct input.
 */
final class InputClasses {

    /** The literals one input is compared with; numbers or strings, never mixed. */
    private record Column(String variable, boolean numeric, double[] numbers, String[] strings) {
    }

    /** What may appear in a simple unary test; anything else (names, functions, dates, null) is not simple. */
    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(?:(?<number>-?\\d+(?:\\.\\d+)?)|(?<string>\"[^\"\\\\]*\")|(?<op><=|>=|<|>|=|\\.\\.|[\\[\\](),])|(?<not>not\\b))");

    private final List<Column> columns;

    private InputClasses(List<Column> columns) {
        this.columns = columns;
    }

    /**
     * The classes of decision {@code decisionKey} in the DMN XML, or empty when the table is not simple enough
     * (see the class comment) or uses an input other than {@code known}.
     */
    static Optional<InputClasses> of(InputStream dmnXml, String decisionKey, Collection<String> known) {
        DmnModelInstance model = Dmn.readModelFromStream(dmnXml);
        Decision decision = model.getModelElementById(decisionKey);
        if (decision == null || !(decision.getExpression() instanceof DecisionTable table)) {
            return Optional.empty();
        }
        List<Input> inputs = new ArrayList<>(table.getInputs());
        List<TreeSet<Double>> numbers = new ArrayList<>();
        List<TreeSet<String>> strings = new ArrayList<>();
        for (Input input : inputs) {
            String variable = input.getInputExpression() == null || input.getInputExpression().getText() == null ? null
                    : input.getInputExpression().getText().getTextContent().strip();
            if (variable == null || !known.contains(variable) || input.getCamundaInputVariable() != null
                    || input.getInputExpression().getExpressionLanguage() != null) {
                return Optional.empty();
            }
            numbers.add(new TreeSet<>());
            strings.add(new TreeSet<>());
        }
        for (Rule rule : table.getRules()) {
            List<InputEntry> entries = new ArrayList<>(rule.getInputEntries());
            if (entries.size() != inputs.size()) {
                return Optional.empty();
            }
            for (int i = 0; i < entries.size(); i++) {
                InputEntry entry = entries.get(i);
                if (entry.getExpressionLanguage() != null && !entry.getExpressionLanguage().toLowerCase().contains("feel")) {
                    return Optional.empty();
                }
                String text = entry.getText() == null ? "" : entry.getText().getTextContent();
                if (!literals(text, numbers.get(i), strings.get(i))) {
                    return Optional.empty();
                }
            }
        }
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (!numbers.get(i).isEmpty() && !strings.get(i).isEmpty()) {
                return Optional.empty();
            }
            columns.add(new Column(inputs.get(i).getInputExpression().getText().getTextContent().strip(),
                    strings.get(i).isEmpty(), numbers.get(i).stream().mapToDouble(Double::doubleValue).toArray(),
                    strings.get(i).toArray(String[]::new)));
        }
        return Optional.of(new InputClasses(List.copyOf(columns)));
    }

    /** Collects the literals of a simple unary test; false if the text is anything else. */
    private static boolean literals(String text, Collection<Double> numbers, Collection<String> strings) {
        String t = text.strip();
        if (t.isEmpty() || t.equals("-")) {
            return true;
        }
        Matcher m = TOKEN.matcher(t);
        int at = 0;
        while (at < t.length()) {
            if (!m.find(at) || m.start() != at) {
                return t.substring(at).isBlank();
            }
            if (m.group("number") != null) {
                numbers.add(Double.parseDouble(m.group("number")));
            } else if (m.group("string") != null) {
                String s = m.group("string");
                strings.add(s.substring(1, s.length() - 1));
            }
            at = m.end();
        }
        return true;
    }

    /**
     * The class of one set of inputs: per input and literal, whether the value is below, equal to or above it
     * (numbers compared as doubles, as the engine receives them). Values not numbers where numbers are expected
     * get a class of their own.
     */
    String classOf(Map<String, Object> values) {
        StringBuilder key = new StringBuilder(32);
        for (Column c : columns) {
            Object v = values.get(c.variable());
            if (c.numeric()) {
                if (!(v instanceof Number n)) {
                    key.append('?').append(v == null ? "null" : v.getClass().getSimpleName()).append('|');
                    continue;
                }
                double x = n.doubleValue();
                for (double limit : c.numbers()) {
                    key.append(x < limit ? '<' : x == limit ? '=' : '>');
                }
            } else {
                if (!(v instanceof String s)) {
                    key.append('?').append(v == null ? "null" : v.getClass().getSimpleName()).append('|');
                    continue;
                }
                for (String literal : c.strings()) {
                    int cmp = s.compareTo(literal);
                    key.append(cmp < 0 ? '<' : cmp == 0 ? '=' : '>');
                }
            }
            key.append('|');
        }
        return key.toString();
    }
}
