package org.kontor.intake;

import static org.kontor.intake.DocumentIntakeProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.kontor.order.OrderDraft;
import org.kontor.order.OrderService;
import org.kontor.order.OrderSource;
import org.springframework.stereotype.Component;

/**
 * Robot: a purchase-order document starts its order. Safe to run twice: a document that already has an
 * order (a retry after a crash) does not get a second one.
 */
@Component("startOrderIntakeDelegate")
class StartOrderIntakeDelegate implements JavaDelegate {

    private final OrderIntakeService orderIntake;
    private final OrderService orders;

    StartOrderIntakeDelegate(OrderIntakeService orderIntake, OrderService orders) {
        this.orderIntake = orderIntake;
        this.orders = orders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String documentId = (String) execution.getVariable(Vars.DOCUMENT_ID);
        if (orders.findByDocument(documentId).isPresent()) {
            return;
        }
        OrderIntakeService.Intake intake = orderIntake.receive(new OrderDraft(null, null, null, null, null, null, null, null),
                OrderSource.DOCUMENT, documentId, "document-intake");
        execution.setVariable(OrderIntakeProcess.Vars.ORDER_ID, intake.orderId());
    }
}
