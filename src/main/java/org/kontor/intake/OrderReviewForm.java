package org.kontor.intake;

import static org.kontor.intake.OrderIntakeProcess.Vars;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.plugin.variable.SpinValues;
import org.kontor.order.Order;
import org.kontor.order.OrderDraft;
import org.kontor.order.OrderLine;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The variables behind the "Review order" form (forms/review-order.form): filled from the order before the
 * task, read back into an {@link OrderDraft} after it. Lines travel as a JSON variable, the form's editable
 * list; everything else as plain strings and numbers.
 */
@Component
class OrderReviewForm {

    /** Comma-separated names of fields the extraction was unsure of (document orders only). */
    static final String UNSURE_FIELDS = "unsureFields";

    private final ObjectMapper json;
    private final Environment environment;

    OrderReviewForm(ObjectMapper json, Environment environment) {
        this.json = json;
        this.environment = environment;
    }

    /** Read on use: the port is known only once the server runs. */
    private String publicUrl() {
        String url = environment.getProperty("kontor.public-url", "http://localhost:8080");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
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
        ArrayNode lines = json.createArrayNode();
        for (OrderLine line : order.lines()) {
            ObjectNode node = lines.addObject();
            node.put("sku", line.sku());
            node.put("description", line.description());
            if (line.quantity() != null) {
                node.put("quantity", line.quantity());
            }
            if (line.unitPrice() != null) {
                node.put("unitPrice", line.unitPrice().doubleValue());
            }
        }
        execution.setVariable(Vars.LINES, SpinValues.jsonValue(lines.toString()).create());
        execution.setVariable(Vars.PROBLEMS, "- " + String.join("\n- ", order.problems()));
        if (order.documentId() != null) {
            String documentUrl = publicUrl() + "/api/documents/" + order.documentId();
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
        JsonNode array = linesJson(execution.getVariable(Vars.LINES));
        for (JsonNode line : array) {
            lines.add(new OrderDraft.Line(text(line.get("sku")), text(line.get("description")),
                    wholeNumber(line.get("quantity")), decimal(line.get("unitPrice"))));
        }
        return new OrderDraft(string(execution, Vars.CUSTOMER_NUMBER), null, string(execution, Vars.PO_NUMBER),
                date(string(execution, Vars.ORDER_DATE)), date(string(execution, Vars.REQUESTED_DELIVERY_DATE)),
                string(execution, Vars.DELIVERY_ADDRESS), decimal(execution.getVariable(Vars.TOTAL)), lines);
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
        BigDecimal value = decimal(node);
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

    private static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
