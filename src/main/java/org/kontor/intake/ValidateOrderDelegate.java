package org.kontor.intake;

import static org.kontor.intake.OrderIntakeProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.kontor.order.OrderService;
import org.kontor.order.OrderValidator;
import org.springframework.stereotype.Component;

/** Robot: check the order against master data; anything unsure or invalid goes to a clerk. */
@Component("validateOrderDelegate")
class ValidateOrderDelegate implements JavaDelegate {

    private final OrderService orders;
    private final OrderReviewForm reviewForm;

    ValidateOrderDelegate(OrderService orders, OrderReviewForm reviewForm) {
        this.orders = orders;
        this.reviewForm = reviewForm;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String orderId = (String) execution.getVariable(Vars.ORDER_ID);
        OrderValidator.Validation validation = orders.validate(orderId, OrderReviewForm.unsureFields(execution));
        boolean review = !validation.valid();
        execution.setVariable(Vars.REVIEW_REQUIRED, review);
        if (review) {
            orders.markInReview(orderId);
            reviewForm.prepare(execution, orders.get(orderId));
        }
    }
}
