package org.kontor.delivery.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.kontor.delivery.DeliveryPlanningProcess;
import org.kontor.delivery.DeliveryPlanningProcess.Vars;
import org.kontor.delivery.DeliveryProcess;
import org.kontor.delivery.DeliveryTestSupport;
import org.kontor.order.OrderStatus;
import org.springframework.beans.factory.annotation.Autowired;

/** delivery-planning.bpmn, one test per path, with the real solver, orders and files. */
class DeliveryPlanningProcessTest extends DeliveryTestSupport {

    @Autowired
    DeliveryPlanningService planning;

    @Autowired
    ManifestWriter manifests;

    @Test
    void requestedPlanIsSolvedApprovedScheduledWithManifestsAndDeliveriesStart() {
        LocalDate day = LocalDate.now().plusDays(3);
        String first = confirmedOrder("C-10001", day, "PK-2020", 4);
        String second = confirmedOrder("C-10002", day, "PK-2030", 2);
        ProcessInstance instance = request(day);

        runJobs(instance);

        assertThat(instance).isWaitingAt(DeliveryPlanningProcess.USER_TASK_APPROVE)
                .hasPassed(DeliveryPlanningProcess.TASK_COLLECT_ORDERS, DeliveryPlanningProcess.TASK_PLAN_ROUTES);
        Task approval = task(instance);
        assertThat(approval).hasCandidateGroup("dispatchers");
        assertThat(formRef(approval)).isEqualTo(DeliveryPlanningProcess.FORM_APPROVE);
        String planId = instance.getBusinessKey();
        DeliveryPlan proposed = planning.get(planId);
        assertThat(proposed.status()).isEqualTo(PlanStatus.PROPOSED);
        assertThat(proposed.progress().finished()).isTrue();
        assertThat(stopOrders(proposed)).contains(first, second);
        var runtime = processEngine.getRuntimeService();
        assertThat((String) runtime.getVariable(instance.getId(), Vars.MAP_URL)).contains("/api/deliveries/plans/" + planId + "/map.png");
        assertThat((String) runtime.getVariable(instance.getId(), Vars.PLAN_SUMMARY)).contains("orders on");

        processEngine.getTaskService().claim(approval.getId(), "dispatcher");
        complete(approval, withVariables(Vars.PLAN_DECISION, "APPROVE"));
        runJobs(instance);

        assertThat(instance).isEnded().hasPassed(DeliveryPlanningProcess.TASK_SCHEDULE_ORDERS,
                DeliveryPlanningProcess.TASK_WRITE_MANIFESTS, DeliveryPlanningProcess.TASK_START_DELIVERIES,
                DeliveryPlanningProcess.END_EVENT_APPROVED);
        DeliveryPlan approved = planning.get(planId);
        assertThat(approved.status()).isEqualTo(PlanStatus.APPROVED);
        assertThat(approved.approvedBy()).isEqualTo("dispatcher");
        assertThat(orders.get(first).status()).isEqualTo(OrderStatus.SCHEDULED);
        assertThat(orders.get(second).status()).isEqualTo(OrderStatus.SCHEDULED);
        approved.routes().forEach(route -> assertThat(manifests.manifest(planId, route.vehicleId())).isPresent());
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(DeliveryProcess.KEY)
                .processInstanceBusinessKey(first).active().count()).isEqualTo(1);
    }

    @Test
    void dispatcherReplansWithAVehicleLeftAtTheDepot() {
        LocalDate day = LocalDate.now().plusDays(4);
        String order = confirmedOrder("C-10003", day, "PK-2020", 2);
        ProcessInstance instance = request(day);
        runJobs(instance);

        complete(task(instance), withVariables(Vars.PLAN_DECISION, "REPLAN", Vars.TIME_LIMIT_SECONDS, 1L,
                Vars.EXCLUDED_VEHICLES, "VAN-1, VAN-2, VAN-3"));
        runJobs(instance);

        assertThat(instance).isWaitingAt(DeliveryPlanningProcess.USER_TASK_APPROVE);
        DeliveryPlan replanned = planning.get(instance.getBusinessKey());
        assertThat(replanned.rounds()).isEqualTo(2);
        assertThat(replanned.timeLimitSeconds()).isEqualTo(1);
        assertThat(replanned.excludedVehicles()).containsExactly("VAN-1", "VAN-2", "VAN-3");
        assertThat(replanned.routes()).extracting(DeliveryPlan.Route::vehicleId).containsOnly("TRUCK-1");
        assertThat(stopOrders(replanned)).contains(order);
    }

    @Test
    void aDayWithNothingDueEndsWithoutAPlanToApprove() {
        LocalDate day = LocalDate.now().plusDays(5);
        confirmedOrder("C-10004", day, "PK-2020", 1);
        // everything due by then goes onto a first plan, so that a second finds nothing left
        ProcessInstance first = request(day);
        runJobs(first);
        complete(task(first), withVariables(Vars.PLAN_DECISION, "APPROVE"));
        runJobs(first);

        ProcessInstance second = request(day);
        runJobs(second);

        assertThat(second).isEnded().hasPassed(DeliveryPlanningProcess.END_EVENT_NOTHING_TO_PLAN)
                .hasNotPassed(DeliveryPlanningProcess.TASK_PLAN_ROUTES);
        assertThat(planning.get(second.getBusinessKey()).status()).isEqualTo(PlanStatus.EMPTY);
    }

    @Test
    void dailyCutOffPlansTheDayAhead() {
        LocalDate tomorrow = LocalDate.now().plusDays(1);
        String order = confirmedOrder("C-10005", tomorrow, "PK-2030", 1);
        var management = processEngine.getManagementService();
        Job cutOff = management.createJobQuery().processDefinitionKey(DeliveryPlanningProcess.KEY).timers()
                .activityId(DeliveryPlanningProcess.START_EVENT_CUT_OFF).singleResult();
        assertThat(cutOff).as("the cut-off timer start event is scheduled").isNotNull();

        management.executeJob(cutOff.getId());
        ProcessInstance instance = processEngine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(DeliveryPlanningProcess.KEY).active().list().stream()
                .filter(p -> p.getBusinessKey() == null).findFirst().orElseThrow();
        runJobs(instance);

        assertThat(instance).isWaitingAt(DeliveryPlanningProcess.USER_TASK_APPROVE)
                .hasPassed(DeliveryPlanningProcess.START_EVENT_CUT_OFF);
        DeliveryPlan plan = planning.get((String) processEngine.getRuntimeService().getVariable(instance.getId(), Vars.PLAN_ID));
        assertThat(plan.deliveryDate()).isEqualTo(tomorrow);
        assertThat(plan.requestedBy()).isEqualTo(DeliveryPlanningService.CUT_OFF_REQUESTER);
        assertThat(stopOrders(plan)).contains(order);
    }

    @Test
    void planningShowsItsProgressWhileTheSolverRuns() throws Exception {
        LocalDate day = LocalDate.now().plusDays(9);
        confirmedOrder("C-10006", day, "PK-2020", 1);
        DeliveryPlanningService.Requested requested = planning.request(day, 3, "dispatcher");
        var management = processEngine.getManagementService();
        management.executeJob(management.createJobQuery().processInstanceId(requested.processInstanceId())
                .activityId(DeliveryPlanningProcess.TASK_COLLECT_ORDERS).singleResult().getId());
        String solveJob = management.createJobQuery().processInstanceId(requested.processInstanceId())
                .activityId(DeliveryPlanningProcess.TASK_PLAN_ROUTES).singleResult().getId();

        var solving = java.util.concurrent.CompletableFuture.runAsync(() -> management.executeJob(solveJob));
        DeliveryPlan.Progress seen = null;
        while (!solving.isDone() && seen == null) {
            DeliveryPlan.Progress progress = planning.get(requested.planId()).progress();
            if (progress != null && !progress.finished()) {
                seen = progress;
            }
            Thread.sleep(50);
        }
        solving.get(30, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(seen).as("progress is visible while the solver runs").isNotNull();
        assertThat(seen.timeLeftSeconds()).isBetween(0L, 3L);
        assertThat(seen.bestScore()).contains("unassigned").contains("vehicles").contains("km");
        assertThat(planning.get(requested.planId()).progress().finished()).isTrue();
    }

    private ProcessInstance request(LocalDate day) {
        DeliveryPlanningService.Requested requested = planning.request(day, null, "dispatcher");
        return processEngine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(requested.processInstanceId()).singleResult();
    }

    private static List<String> stopOrders(DeliveryPlan plan) {
        return plan.routes().stream().flatMap(r -> r.stops().stream()).map(DeliveryPlan.Stop::orderId).toList();
    }
}
