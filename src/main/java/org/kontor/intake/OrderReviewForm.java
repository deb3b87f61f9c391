package org.kontor.intake;

import static org.kontor.intake.OrderIntakeProcess.Vars;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.kontor.document.spreadsheet.RowValues;
import org.kontor.order.Order;
import org.kontor.order.OrderDraft;
import org.kontor.order.OrderLine;
import org.kontor.platform.web.PublicUrl;
import org.springframework.stereotype.Component;

/**
 * The variables behind the "Review order" form (forms/review-order.form): filled from the order before the
 * task, read back into an {@link OrderDraft} after it. Header fields travel as plain strings and numbers.
 * The lines travel as one text, a line per order line ({@code SKU | quantity | unit price | description}),
 * edited in a text area: Camunda 7 Tasklist keeps <b>Complete</b> disabled for good once a form has an input
 * inside a repeating dynamic list (form-js records an empty error entry per list field when it validates it on
 * render or blur, and Tasklist counts any entry as an error). API clients may answer with {@code lines} as
 * JSON instead; that wins when present.
 */
@Component
class OrderReviewForm {

    /** Separates the columns of a line in {@link Vars#LINES_TEXT}; ';' and tabs are read as well. */
    static final String COLUMN_SEPARATOR = " | ";

    private static final int MAX_STRING_VARIABLE = 4000;

    /** Comma-separated names of fields the extraction was unsure of (document orders only). */
    static final String UNSURE_FIELDS = "unsureFields";

    private final ObjectMapper json;
    private final PublicUrl publicUrl;

    OrderReviewForm(ObjectMapper json, PublicUrl publicUrl) {
        this.json = json;
        this.publicUrl = publicUrl;
    }

    static List<String> unsureFields(DelegateExecution execution) {
        Object value = execution.getVariable(UNSURE_FIELDS);
        if (!(value instanceof String text) || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    void prepare(DelegateExecution execution, Order order) {
        execution.setVariable(Vars.PO_NUMBER, order.poNumber());
        execution.setVariable(Vars.CUSTOMER_NUMBER, order.customerNumber());
        execution.setVariable(Vars.ORDER_DATE, order.orderDate() == null ? null : order.orderDate().toString());
        execution.setVariable(Vars.REQUESTED_DELIVERY_DATE,
                order.requestedDeliveryDate() == null ? null : order.requestedDeliveryDate().toString());
        execution.setVariable(Vars.DELIVERY_ADDRESS, order.deliveryAddress());
        execution.setVariable(Vars.TOTAL, order.documentTotal() == null ? null : order.documentTotal().doubleValue());
        String linesText = linesText(order.lines());
        // a String variable holds 4000 characters on H2; a longer text is kept as a JSON string, which Tasklist
        // shows the same way
        execution.setVariable(Vars.LINES_TEXT, linesText.length() <= MAX_STRING_VARIABLE ? linesText
                : SpinValues.jsonValue(jsonString(linesText)).create());
        // a JSON answer from an earlier round must not override what the clerk edits in this one
        execution.removeVariable(Vars.LINES);
        execution.setVariable(Vars.PROBLEMS, "- " + String.join("\n- ", order.problems()));
        if (order.documentId() != null) {
            String documentUrl = publicUrl.of("/api/documents/" + order.documentId());
            execution.setVariable(Vars.PREVIEW_URL, documentUrl + "/pages/1/preview.png");
            execution.setVariable(Vars.ORIGINAL_URL, documentUrl + "/content");
        } else {
            execution.setVariable(Vars.PREVIEW_URL, null);
            execution.setVariable(Vars.ORIGINAL_URL, null);
        }
    }

    /** What the clerk left in the form, as a draft; whatever cannot be read stays empty for validation to name. */
    OrderDraft read(DelegateExecution execution) {
        List<OrderDraft.Line> lines = new ArrayList<>();
        Object linesJson = execution.getVariable(Vars.LINES);
        if (linesJson != null) {
            for (JsonNode line : linesJson(linesJson)) {
                lines.add(new OrderDraft.Line(text(line.get("sku")), text(line.get("description")),
                        wholeNumber(line.get("quantity")), decimal(line.get("unitPrice"))));
            }
        } else {
            Object linesText = execution.getVariable(Vars.LINES_TEXT);
            lines.addAll(parseLinesText(linesText instanceof SpinJsonNode node && node.isString() ? node.stringValue()
                    : linesText == null ? null : linesText.toString()));
        }
        return new OrderDraft(string(execution, Vars.CUSTOMER_NUMBER), null, string(execution, Vars.PO_NUMBER),
                RowValues.parseIsoDate(string(execution, Vars.ORDER_DATE)),
                RowValues.parseIsoDate(string(execution, Vars.REQUESTED_DELIVERY_DATE)),
                string(execution, Vars.DELIVERY_ADDRESS), decimal(execution.getVariable(Vars.TOTAL)), lines);
    }

    /** The lines as the form shows them: {@code SKU | quantity | unit price | description}, one per line. */
    static String linesText(List<OrderLine> lines) {
        StringBuilder text = new StringBuilder();
        for (OrderLine line : lines) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(line.sku() == null ? "" : line.sku()).append(COLUMN_SEPARATOR)
                    .append(line.quantity() == null ? "" : line.quantity()).append(COLUMN_SEPARATOR)
                    .append(line.unitPrice() == null ? "" : line.unitPrice().toPlainString());
            if (line.description() != null && !line.description().isBlank()) {
                text.append(COLUMN_SEPARATOR).append(line.description().strip());
            }
        }
        return text.toString();
    }

    /**
     * Reads the clerk's text back. Blank lines are skipped; a column that cannot be read stays empty (a quantity
     * that is not whole becomes -1), so validation names it and the order comes back for review.
     */
    static List<OrderDraft.Line> parseLinesText(String text) {
        List<OrderDraft.Line> lines = new ArrayList<>();
        if (text == null) {
            return lines;
        }
        for (String row : text.split("\\R")) {
            if (row.isBlank()) {
                continue;
            }
            // the description comes last, so it may contain the separators itself
            String[] columns = row.split("[|;\t]", 4);
            lines.add(new OrderDraft.Line(column(columns, 0), column(columns, 3),
                    wholeNumber(decimal(column(columns, 1))), decimal(column(columns, 2))));
        }
        return lines;
    }

    private static String column(String[] columns, int index) {
        return index < columns.length && !columns[index].isBlank() ? columns[index].strip() : null;
    }

    private String jsonString(String text) {
        try {
            return json.writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A string is always JSON", e);
        }
    }

    private JsonNode linesJson(Object value) {
        try {
            if (value == null) {
                return json.createArrayNode();
            }
            if (value instanceof String text) {
                return json.readTree(text);
            }
            if (value instanceof Collection<?> || value instanceof java.util.Map<?, ?>) {
                return json.valueToTree(value);
            }
            return json.readTree(value.toString());
        } catch (Exception e) {
            return json.createArrayNode();
        }
    }

    private static String string(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.asText().isBlank() ? null : node.asText().strip();
    }

    private static Integer wholeNumber(JsonNode node) {
        return wholeNumber(decimal(node));
    }

    private static Integer wholeNumber(BigDecimal value) {
        if (value == null) {
            return null;
        }
        try {
            return value.stripTrailingZeros().scale() <= 0 ? value.intValueExact() : -1;
        } catch (ArithmeticException e) {
            return -1;
        }
    }

    private static BigDecimal decimal(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof JsonNode node) {
            if (node.isNull() || node.asText().isBlank()) {
                return null;
            }
            value = node.isNumber() ? node.decimalValue() : node.asText();
        }
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        try {
            return new BigDecimal(value.toString().strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
