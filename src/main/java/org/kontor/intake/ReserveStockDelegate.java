package org.kontor.intake;

import static org.kontor.intake.OrderIntakeProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.kontor.order.OrderService;
import org.springframework.stereotype.Component;

/** Robot: reserve what the order still lacks; safe to run again (it reserves only what is missing). */
@Component("reserveStockDelegate")
class ReserveStockDelegate implements JavaDelegate {

    private final OrderService orders;

    ReserveStockDelegate(OrderService orders) {
        this.orders = orders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean complete = orders.reserveStock((String) execution.getVariable(Vars.ORDER_ID));
        execution.setVariable(Vars.FULLY_RESERVED, complete);
    }
}
