package org.kontor.intake;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.kontor.order.OrderDraft;
import org.kontor.order.OrderService;
import org.kontor.order.OrderSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every way an order enters (JSON, spreadsheet, purchase-order document): the order is recorded and its
 * {@code order-intake} instance started in one transaction. A repeat of the same customer and PO number
 * starts nothing and answers with the existing order.
 */
@Service
public class OrderIntakeService {

    private static final Logger log = LoggerFactory.getLogger(OrderIntakeService.class);

    private final OrderService orders;
    private final RuntimeService runtime;

    OrderIntakeService(OrderService orders, RuntimeService runtime) {
        this.orders = orders;
        this.runtime = runtime;
    }

    public record Intake(String orderId, String processInstanceId, boolean created) {
    }

    @Transactional
    public Intake receive(OrderDraft draft, OrderSource source, String documentId, String receivedBy) {
        OrderService.Received received = orders.receive(draft, source, documentId, receivedBy);
        if (received.processInstanceId() != null) {
            return new Intake(received.orderId(), received.processInstanceId(), false);
        }
        // Only what a gateway or robot reads before anything sets it: with full history every variable is three rows
        // written at the start and one deleted at the end (OrderThroughputBenchmark measures an order's cost).
        // reviewRequired and fullyReserved are set by the validation and reservation robots before their gateways
        // ask; orderRejected only by a clerk's review (the outcome gateway reads a missing one as not rejected). The
        // confirmation SLA and the back-order re-check are configuration, not variables (OrderIntakeTimers).
        VariableMap variables = Variables.createVariables()
                .putValue(OrderIntakeProcess.Vars.ORDER_ID, received.orderId())
                .putValue(OrderIntakeProcess.Vars.SOURCE, source.name());
        if (documentId != null) {
            variables.putValue(OrderIntakeProcess.Vars.DOCUMENT_ID, documentId);
        }
        String instanceId = runtime.startProcessInstanceByKey(OrderIntakeProcess.KEY, received.orderId(), variables).getId();
        orders.attachProcess(received.orderId(), instanceId);
        log.info("Order {}: order-intake instance {} started ({})", received.orderId(), instanceId, source);
        return new Intake(received.orderId(), instanceId, received.created());
    }
}
