package org.kontor.delivery.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.kontor.delivery.DeliveryProcess;
import org.kontor.delivery.DeliveryProcess.EventType;
import org.kontor.delivery.DeliveryProcess.Vars;
import org.kontor.delivery.DeliveryProperties;
import org.kontor.delivery.DeliveryTestSupport;
import org.kontor.inventory.StockLevel;
import org.kontor.order.OrderStatus;
import org.kontor.platform.web.BadRequestException;
import org.kontor.platform.web.ConflictException;
import org.springframework.beans.factory.annotation.Autowired;

/** delivery.bpmn, one test per path: delivered, failed and re-planned, failed for good, and silent deliveries. */
class DeliveryProcessTest extends DeliveryTestSupport {

    private static final String SKU = "CL-3011";

    @Autowired
    DeliveryTrackingService tracking;

    @Autowired
    DeliveryProperties properties;

    @Test
    void deliveredOrderLeavesTheBooks() {
        String orderId = confirmedOrder("C-10001", LocalDate.now().plusDays(1), SKU, 3);
        StockLevel before = inventory.level(SKU);
        ProcessInstance instance = scheduleAndTrack(orderId);
        assertThat(instance).isWaitingAt(DeliveryProcess.GATEWAY_AWAIT_EVENT);
        assertThat(orders.get(orderId).status()).isEqualTo(OrderStatus.SCHEDULED);

        tracking.report(orderId, EventType.DELIVERED, null);
        runJobs(instance);

        assertThat(instance).isEnded().hasPassed(DeliveryProcess.CATCH_DELIVERED, DeliveryProcess.TASK_RECORD_DELIVERY,
                DeliveryProcess.END_EVENT_DELIVERED);
        assertThat(orders.get(orderId).status()).isEqualTo(OrderStatus.DELIVERED);
        StockLevel after = inventory.level(SKU);
        assertThat(after.onHand()).isEqualTo(before.onHand() - 3);
        assertThat(after.reserved()).isEqualTo(before.reserved() - 3);
        assertThat(tracking.find(orderId).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);
        // a driver's app repeating itself is answered, not refused
        assertThat(tracking.report(orderId, EventType.DELIVERED, null).status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void failedDeliveryIsPlannedAgainAndThenDelivered() {
        String orderId = confirmedOrder("C-10002", LocalDate.now().plusDays(1), SKU, 1);
        ProcessInstance instance = scheduleAndTrack(orderId);

        tracking.report(orderId, EventType.FAILED, "Customer closed");
        runJobs(instance);

        assertThat(instance).isWaitingAt(DeliveryProcess.CATCH_RESCHEDULED)
                .hasPassed(DeliveryProcess.TASK_RECORD_FAILURE, DeliveryProcess.TASK_REQUEUE);
        assertThat(orders.get(orderId).status()).isEqualTo(OrderStatus.CONFIRMED);
        Delivery waiting = tracking.find(orderId).orElseThrow();
        assertThat(waiting.status()).isEqualTo(DeliveryStatus.AWAITING_REPLAN);
        assertThat(waiting.reason()).isEqualTo("Customer closed");

        scheduleAndTrack(orderId);
        assertThat(instance).isWaitingAt(DeliveryProcess.GATEWAY_AWAIT_EVENT);
        assertThat(tracking.find(orderId).orElseThrow().attempts()).isEqualTo(2);
        tracking.report(orderId, EventType.DELIVERED, null);
        runJobs(instance);

        assertThat(instance).isEnded().hasPassed(DeliveryProcess.END_EVENT_DELIVERED);
        assertThat(orders.get(orderId).status()).isEqualTo(OrderStatus.DELIVERED);
    }

    @Test
    void lastFailedAttemptReturnsTheStockAndFailsTheOrder() {
        String orderId = confirmedOrder("C-10003", LocalDate.now().plusDays(1), SKU, 2);
        int reservedBefore = inventory.level(SKU).reserved();
        ProcessInstance instance = null;
        for (int attempt = 1; attempt <= properties.maxAttempts(); attempt++) {
            instance = scheduleAndTrack(orderId);
            tracking.report(orderId, EventType.FAILED, "Nobody there (attempt " + attempt + ")");
            runJobs(instance);
        }

        assertThat(instance).isEnded().hasPassed(DeliveryProcess.TASK_RETURN_TO_STOCK, DeliveryProcess.END_EVENT_FAILED);
        assertThat(orders.get(orderId).status()).isEqualTo(OrderStatus.FAILED);
        assertThat(orders.get(orderId).lines().get(0).reservedQuantity()).isZero();
        assertThat(inventory.level(SKU).reserved()).isEqualTo(reservedBefore - 2);
        assertThat(tracking.find(orderId).orElseThrow().status()).isEqualTo(DeliveryStatus.RETURNED);
        assertThatThrownBy(() -> tracking.report(orderId, EventType.DELIVERED, null)).isInstanceOf(ConflictException.class);
    }

    @Test
    void silenceAfterTheWindowGoesToTheDispatcherWhoConfirmsTheDelivery() {
        String orderId = confirmedOrder("C-10004", LocalDate.now().plusDays(1), SKU, 1);
        ProcessInstance instance = scheduleAndTrack(orderId);

        fireWindowTimer(instance);

        assertThat(instance).isWaitingAt(DeliveryProcess.USER_TASK_LATE);
        Task late = task(instance);
        assertThat(late).hasCandidateGroup("dispatchers");
        assertThat(formRef(late)).isEqualTo(DeliveryProcess.FORM_LATE);
        assertThat((String) processEngine.getTaskService().getVariable(late.getId(), Vars.DELIVERY_SUMMARY)).contains(orderId);
        processEngine.getTaskService().claim(late.getId(), "dispatcher");
        complete(late, withVariables(Vars.LATE_OUTCOME, "DELIVERED"));
        runJobs(instance);

        assertThat(instance).isEnded().hasPassed(DeliveryProcess.GATEWAY_LATE_OUTCOME, DeliveryProcess.END_EVENT_DELIVERED);
        assertThat(orders.get(orderId).status()).isEqualTo(OrderStatus.DELIVERED);
    }

    @Test
    void dispatcherWaitsLongerForALateDelivery() {
        String orderId = confirmedOrder("C-10005", LocalDate.now().plusDays(1), SKU, 1);
        ProcessInstance instance = scheduleAndTrack(orderId);
        fireWindowTimer(instance);

        complete(task(instance), withVariables(Vars.LATE_OUTCOME, "WAIT", Vars.WAIT_MINUTES, 45L));
        runJobs(instance);

        assertThat(instance).isWaitingAt(DeliveryProcess.GATEWAY_AWAIT_EVENT).hasPassed(DeliveryProcess.TASK_EXTEND_WATCH);
        Date escalateAt = (Date) processEngine.getRuntimeService().getVariable(instance.getId(), Vars.ESCALATE_AT);
        assertThat(escalateAt).isAfter(new Date(System.currentTimeMillis() + 40 * 60_000L))
                .isBefore(new Date(System.currentTimeMillis() + 50 * 60_000L));
    }

    @Test
    void anAnswerThatIsNoNumberWaitsTheDefaultHour() {
        String orderId = confirmedOrder("C-10010", LocalDate.now().plusDays(1), SKU, 1);
        ProcessInstance instance = scheduleAndTrack(orderId);
        fireWindowTimer(instance);

        // Tasklist sends numbers; a client completing the task through /engine-rest may send anything
        complete(task(instance), withVariables(Vars.LATE_OUTCOME, "WAIT", Vars.WAIT_MINUTES, "soon"));
        runJobs(instance);

        assertThat(instance).isWaitingAt(DeliveryProcess.GATEWAY_AWAIT_EVENT).hasPassed(DeliveryProcess.TASK_EXTEND_WATCH);
        Date escalateAt = (Date) processEngine.getRuntimeService().getVariable(instance.getId(), Vars.ESCALATE_AT);
        assertThat(escalateAt).isAfter(new Date(System.currentTimeMillis() + 55 * 60_000L))
                .isBefore(new Date(System.currentTimeMillis() + 65 * 60_000L));
    }

    @Test
    void dispatcherRecordsAFailedLateDelivery() {
        String orderId = confirmedOrder("C-10006", LocalDate.now().plusDays(1), SKU, 1);
        ProcessInstance instance = scheduleAndTrack(orderId);
        fireWindowTimer(instance);

        complete(task(instance), withVariables(Vars.LATE_OUTCOME, "FAILED", Vars.FAILURE_REASON, "Van broke down"));
        runJobs(instance);

        assertThat(instance).isWaitingAt(DeliveryProcess.CATCH_RESCHEDULED).hasPassed(DeliveryProcess.TASK_RECORD_FAILURE);
        assertThat(tracking.find(orderId).orElseThrow().reason()).isEqualTo("Van broke down");
        assertThat(orders.get(orderId).status()).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void driversReportWhileTheDispatcherLooksIntoItEndsTheTask() {
        String orderId = confirmedOrder("C-10007", LocalDate.now().plusDays(1), SKU, 1);
        ProcessInstance instance = scheduleAndTrack(orderId);
        fireWindowTimer(instance);
        assertThat(instance).isWaitingAt(DeliveryProcess.USER_TASK_LATE);

        tracking.report(orderId, EventType.DELIVERED, null);
        runJobs(instance);

        assertThat(instance).isEnded().hasPassed(DeliveryProcess.BOUNDARY_DELIVERED_WHILE_LATE,
                DeliveryProcess.END_EVENT_DELIVERED);
        assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void driversFailureReportWhileTheDispatcherLooksIntoItIsRecorded() {
        String orderId = confirmedOrder("C-10008", LocalDate.now().plusDays(1), SKU, 1);
        ProcessInstance instance = scheduleAndTrack(orderId);
        fireWindowTimer(instance);

        tracking.report(orderId, EventType.FAILED, "Address not found");
        runJobs(instance);

        assertThat(instance).isWaitingAt(DeliveryProcess.CATCH_RESCHEDULED)
                .hasPassed(DeliveryProcess.BOUNDARY_FAILED_WHILE_LATE, DeliveryProcess.TASK_RECORD_FAILURE);
    }

    @Test
    void eventsThatCannotApplyAreRefusedWithAReason() {
        String orderId = confirmedOrder("C-10009", LocalDate.now().plusDays(1), SKU, 1);
        assertThatThrownBy(() -> tracking.report(orderId, EventType.DELIVERED, null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("not scheduled");
        scheduleAndTrack(orderId);
        assertThatThrownBy(() -> tracking.report(orderId, EventType.FAILED, " "))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("reason");
    }

    /** What an approved plan does for the order: schedule it (a new plan each time) and start or wake its process. */
    private ProcessInstance scheduleAndTrack(String orderId) {
        LocalDate day = LocalDate.now().plusDays(1);
        assertThat(tracking.schedule(orderId, UUID.randomUUID().toString(), day, "VAN-1", 1, day.atTime(9, 30),
                day.atTime(12, 0))).isTrue();
        tracking.track(orderId);
        String instanceId = tracking.find(orderId).orElseThrow().processInstanceId();
        return processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId).singleResult();
    }

    private void fireWindowTimer(ProcessInstance instance) {
        Job timer = processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId(DeliveryProcess.CATCH_WINDOW_PASSED).singleResult();
        assertThat(timer.getDuedate()).isEqualTo(java.sql.Timestamp.valueOf(LocalDateTime.of(LocalDate.now().plusDays(1),
                java.time.LocalTime.of(12, 0)).plus(properties.lateGrace())));
        processEngine.getManagementService().executeJob(timer.getId());
        runJobs(instance);
    }
}
