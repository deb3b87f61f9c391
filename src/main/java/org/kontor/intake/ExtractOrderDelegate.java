package org.kontor.intake;

import static org.kontor.intake.OrderIntakeProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.kontor.order.OrderService;
import org.springframework.stereotype.Component;

/** Robot: read the order from its purchase-order document; fields it is unsure of are named for the clerk. */
@Component("extractOrderDelegate")
class ExtractOrderDelegate implements JavaDelegate {

    private final OrderExtraction extraction;
    private final OrderService orders;

    ExtractOrderDelegate(OrderExtraction extraction, OrderService orders) {
        this.extraction = extraction;
        this.orders = orders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        OrderExtraction.Extracted extracted = extraction.extract((String) execution.getVariable(Vars.DOCUMENT_ID));
        orders.applyExtraction((String) execution.getVariable(Vars.ORDER_ID), extracted.draft());
        execution.setVariable(OrderReviewForm.UNSURE_FIELDS, String.join(",", extracted.unsureFields()));
    }
}
