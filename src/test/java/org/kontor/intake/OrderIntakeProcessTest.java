package org.kontor.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.kontor.intake.OrderIntakeProcess.Vars;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.kontor.inventory.InventoryService;
import org.kontor.order.Order;
import org.kontor.order.OrderDraft;
import org.kontor.order.OrderService;
import org.kontor.order.OrderSource;
import org.kontor.order.OrderStatus;
import org.kontor.platform.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/** order-intake.bpmn, one test per path, with the real validation, orders and stock. */
class OrderIntakeProcessTest extends ProcessTestSupport {

    @Autowired
    OrderIntakeService intake;

    @Autowired
    OrderService orders;

    @Autowired
    InventoryService inventory;

    @Test
    void validOrderGoesStraightThroughAndReservesStock() {
        int reservedBefore = inventory.level("OF-1010").reserved();
        ProcessInstance instance = start(draft("OF-1010", 3, "18.90", "56.70"));
        // removal-time strategy "start": the history gets its removal time when written, not rewritten at the end
        HistoricProcessInstance started = processEngine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(instance.getId()).singleResult();
        assertThat(started.getRemovalTime()).isEqualTo(Date.from(started.getStartTime().toInstant().plus(Duration.ofDays(3650))));

        runJobs(instance);

        assertThat(instance).isEnded().hasPassed(OrderIntakeProcess.TASK_VALIDATE, OrderIntakeProcess.TASK_RESERVE_STOCK,
                OrderIntakeProcess.END_EVENT_CONFIRMED).hasNotPassed(OrderIntakeProcess.USER_TASK_REVIEW);
        Order order = orders.get(instance.getBusinessKey());
        assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(order.reviewRequired()).isFalse();
        assertThat(order.lines().get(0).reservedQuantity()).isEqualTo(3);
        assertThat(inventory.level("OF-1010").reserved()).isEqualTo(reservedBefore + 3);
        assertThat(processEngine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .list()).extracting(HistoricActivityInstance::getRemovalTime).containsOnly(started.getRemovalTime());
        // each variable is rows in four tables with full history: a straight-through order has these and no more
        assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).list())
                .extracting(v -> v.getName() + "=" + v.getValue())
                .containsExactlyInAnyOrder(Vars.ORDER_ID + "=" + order.orderId(), Vars.SOURCE + "=JSON",
                        Vars.REVIEW_REQUIRED + "=false", Vars.FULLY_RESERVED + "=true");
    }

    @Test
    void ocrConfusedSkuConfirmedByItsDescriptionIsResolved() {
        ProcessInstance instance = start(new OrderDraft("C-10002", null, po(), LocalDate.of(2026, 11, 20), null, null,
                new BigDecimal("24.50"), List.of(new OrderDraft.Line("OF1O3O", "Stapler heavy duty", 1, new BigDecimal("24.50")))));
        runJobs(instance);
        assertThat(instance).isEnded().hasPassed(OrderIntakeProcess.END_EVENT_CONFIRMED);
        assertThat(orders.get(instance.getBusinessKey()).lines().get(0).sku()).isEqualTo("OF-1030");
    }

    @Test
    void invalidOrderWaitsForAClerkWhoCorrectsIt() {
        ProcessInstance instance = start(draft("OF-9999", 2, "11.90", "23.80"));
        runJobs(instance);

        assertThat(instance).isWaitingAt(OrderIntakeProcess.USER_TASK_REVIEW);
        Task review = task(instance);
        assertThat(review).hasCandidateGroup("clerks");
        assertThat(formRef(review)).isEqualTo(OrderIntakeProcess.FORM_REVIEW);
        assertThat(orders.get(instance.getBusinessKey()).status()).isEqualTo(OrderStatus.IN_REVIEW);
        assertThat((String) processEngine.getRuntimeService().getVariable(instance.getId(), Vars.PROBLEMS))
                .contains("OF-9999");

        processEngine.getTaskService().claim(review.getId(), "clerk");
        complete(review, withVariables(Vars.REVIEW_DECISION, "CORRECTED",
                Vars.LINES, "[{\"sku\":\"PK-2011\",\"description\":\"Tape dispenser\",\"quantity\":2,\"unitPrice\":11.90}]"));
        runJobs(instance);

        assertThat(instance).isEnded().hasPassed(OrderIntakeProcess.TASK_APPLY_REVIEW, OrderIntakeProcess.END_EVENT_CONFIRMED);
        Order order = orders.get(instance.getBusinessKey());
        assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(order.reviewedBy()).isEqualTo("clerk");
        assertThat(order.lines()).extracting(l -> l.sku()).containsExactly("PK-2011");
    }

    @Test
    void clerkCorrectsAQuantityInTheFormsLineTable() {
        ProcessInstance instance = start(draft("OF-1010", 2, "18.90", "56.70"));
        runJobs(instance);

        assertThat(instance).isWaitingAt(OrderIntakeProcess.USER_TASK_REVIEW);
        String shown = (String) processEngine.getRuntimeService().getVariable(instance.getId(), Vars.LINES_TEXT);
        assertThat(shown).startsWith("OF-1010 | 2 | 18.9").doesNotContain("\n");
        processEngine.getTaskService().claim(task(instance).getId(), "clerk");
        complete(task(instance), withVariables(Vars.REVIEW_DECISION, "CORRECTED",
                Vars.LINES_TEXT, shown.replace("| 2 |", "| 3 |")));
        runJobs(instance);

        assertThat(instance).isEnded().hasPassed(OrderIntakeProcess.END_EVENT_CONFIRMED);
        Order order = orders.get(instance.getBusinessKey());
        assertThat(order.reviewedBy()).isEqualTo("clerk");
        assertThat(order.lines()).extracting(l -> l.sku() + " x " + l.quantity()).containsExactly("OF-1010 x 3");
    }

    @Test
    void clerkRejectsTheOrder() {
        ProcessInstance instance = start(draft("OF-9998", 1, "1.00", "1.00"));
        runJobs(instance);
        complete(task(instance), withVariables(Vars.REVIEW_DECISION, "REJECT"));
        runJobs(instance);
        assertThat(instance).isEnded().hasPassed(OrderIntakeProcess.END_EVENT_REVIEWED_REJECTED,
                OrderIntakeProcess.END_EVENT_REJECTED);
        assertThat(orders.get(instance.getBusinessKey()).status()).isEqualTo(OrderStatus.REJECTED);
    }

    @Test
    void backOrderWaitsForGoodsAndIsConfirmedWhenTheyArrive() {
        int available = inventory.level("WH-4010").available();
        ProcessInstance instance = start(draft("WH-4010", available + 5, "89.00", null));
        runJobs(instance);

        assertThat(instance).isWaitingAt(OrderIntakeProcess.GATEWAY_WAIT_FOR_STOCK);
        Order order = orders.get(instance.getBusinessKey());
        assertThat(order.status()).isEqualTo(OrderStatus.BACKORDERED);
        assertThat(order.lines().get(0).reservedQuantity()).isEqualTo(available);

        inventory.receive("WH-4010", 10, "GR-1", "clerk");
        runJobs(instance);

        assertThat(instance).isEnded().hasPassed(OrderIntakeProcess.TASK_RERESERVE_STOCK, OrderIntakeProcess.END_EVENT_CONFIRMED);
        assertThat(orders.get(instance.getBusinessKey()).status()).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void dailyRecheckFindsStockThatArrivedOtherwise() {
        int available = inventory.level("WH-4050").available();
        ProcessInstance instance = start(draft("WH-4050", available + 1, "54.00", null));
        runJobs(instance);
        assertThat(instance).isWaitingAt(OrderIntakeProcess.GATEWAY_WAIT_FOR_STOCK);

        inventory.adjust("WH-4050", 1, "found in returns area", "test", "supervisor");
        Job timer = processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId(OrderIntakeProcess.CATCH_DAILY_RECHECK).singleResult();
        processEngine.getManagementService().executeJob(timer.getId());
        runJobs(instance);

        assertThat(instance).isEnded().hasPassed(OrderIntakeProcess.CATCH_DAILY_RECHECK, OrderIntakeProcess.END_EVENT_CONFIRMED);
    }

    @Test
    void orderNotConfirmedInTimeIsEscalated() {
        ProcessInstance instance = start(draft("OF-9997", 1, "1.00", "1.00"));
        runJobs(instance);
        assertThat(instance).isWaitingAt(OrderIntakeProcess.USER_TASK_REVIEW);

        Job sla = processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId(OrderIntakeProcess.BOUNDARY_SLA).singleResult();
        processEngine.getManagementService().executeJob(sla.getId());

        assertThat(instance).isWaitingAt(OrderIntakeProcess.USER_TASK_REVIEW, OrderIntakeProcess.USER_TASK_ESCALATE);
        Task escalation = processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(OrderIntakeProcess.USER_TASK_ESCALATE).singleResult();
        assertThat(escalation).hasCandidateGroup("supervisors");
        complete(escalation, withVariables("escalationNote", "Called the clerk team"));
        assertThat(instance).hasPassed(OrderIntakeProcess.END_EVENT_ESCALATED).isWaitingAt(OrderIntakeProcess.USER_TASK_REVIEW);
    }

    @Test
    void timersTakeTheirDurationsFromConfigurationNotFromVariables() {
        long before = System.currentTimeMillis();
        int available = inventory.level("WH-4020").available();
        ProcessInstance instance = start(draft("WH-4020", available + 1, "2.60", null));
        Job sla = processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId(OrderIntakeProcess.BOUNDARY_SLA).singleResult();
        // kontor.orders.confirmation-sla, default PT4H
        assertThat(sla.getDuedate().getTime() - before).isBetween(Duration.ofHours(4).toMillis(),
                Duration.ofHours(4).plusMinutes(1).toMillis());

        runJobs(instance);
        assertThat(instance).isWaitingAt(OrderIntakeProcess.GATEWAY_WAIT_FOR_STOCK);
        Job recheck = processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId(OrderIntakeProcess.CATCH_DAILY_RECHECK).singleResult();
        // kontor.orders.backorder-recheck, default P1D
        assertThat(recheck.getDuedate().getTime() - before).isBetween(Duration.ofDays(1).toMillis(),
                Duration.ofDays(1).plusMinutes(1).toMillis());
        assertThat(processEngine.getRuntimeService().getVariables(instance.getId()))
                .doesNotContainKeys("confirmationSla", "backorderRecheck");
    }

    @Test
    void theSameCustomerAndPoNumberMakeOneOrder() {
        OrderDraft draft = draft("OF-1011", 1, "9.60", "9.60");
        OrderIntakeService.Intake first = intake.receive(draft, OrderSource.JSON, null, "integration");
        OrderIntakeService.Intake second = intake.receive(draft, OrderSource.JSON, null, "integration");
        assertThat(first.created()).isTrue();
        assertThat(second.created()).isFalse();
        assertThat(second.orderId()).isEqualTo(first.orderId());
        assertThat(second.processInstanceId()).isEqualTo(first.processInstanceId());
    }

    private ProcessInstance start(OrderDraft draft) {
        OrderIntakeService.Intake result = intake.receive(draft, OrderSource.JSON, null, "integration");
        return processEngine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(result.processInstanceId()).singleResult();
    }

    static OrderDraft draft(String sku, int quantity, String price, String total) {
        return new OrderDraft("C-10001", null, po(), LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 25), null,
                total == null ? null : new BigDecimal(total),
                List.of(new OrderDraft.Line(sku, null, quantity, new BigDecimal(price))));
    }

    static String po() {
        return "PO-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
