package org.kontor.intake;

import static org.kontor.intake.OrderIntakeProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.kontor.intake.OrderIntakeProcess.ReviewDecision;
import org.kontor.order.OrderService;
import org.springframework.stereotype.Component;

/** Robot: take over what the clerk corrected (then validation runs again), or reject the order. */
@Component("applyOrderReviewDelegate")
class ApplyOrderReviewDelegate implements JavaDelegate {

    private final OrderService orders;
    private final OrderReviewForm reviewForm;

    ApplyOrderReviewDelegate(OrderService orders, OrderReviewForm reviewForm) {
        this.orders = orders;
        this.reviewForm = reviewForm;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String orderId = (String) execution.getVariable(Vars.ORDER_ID);
        String reviewer = (String) execution.getVariable(Vars.COMPLETED_BY);
        Object decision = execution.getVariable(Vars.REVIEW_DECISION);
        if (ReviewDecision.REJECT.name().equals(decision)) {
            orders.reject(orderId, reviewer);
            execution.setVariable(Vars.ORDER_REJECTED, true);
            return;
        }
        orders.applyReview(orderId, reviewForm.read(execution), reviewer);
        // the clerk has looked at every field: what the robot was unsure of is now the clerk's word
        execution.removeVariable(OrderReviewForm.UNSURE_FIELDS);
        execution.setVariable(Vars.ORDER_REJECTED, false);
    }
}
