package org.kontor.delivery.planning;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.kontor.delivery.DeliveryPlanningProcess;
import org.kontor.delivery.DeliveryPlanningProcess.Vars;
import org.kontor.delivery.DeliveryProperties;
import org.kontor.delivery.RouteSolvingService;
import org.kontor.delivery.routing.RoutingResult;
import org.kontor.delivery.tracking.DeliveryTrackingService;
import org.kontor.masterdata.MasterDataService;
import org.kontor.masterdata.Vehicle;
import org.kontor.order.Order;
import org.kontor.order.OrderService;
import org.kontor.platform.web.BadRequestException;
import org.kontor.platform.web.ConflictException;
import org.kontor.platform.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivery plans (SPEC §4.4): one day's confirmed orders become routes the dispatcher approves. One open plan per
 * date; a second request for that date while one is open is a conflict, and a later plan for a day that already
 * has an approved one takes the orders confirmed since.
 */
@Service
public class DeliveryPlanningService {

    private static final Logger log = LoggerFactory.getLogger(DeliveryPlanningService.class);
    /** Progress is written at most this often: the solver finds better plans many times a second. */
    private static final long PROGRESS_INTERVAL_MILLIS = 1000;
    public static final String CUT_OFF_REQUESTER = "daily cut-off";

    private final DeliveryPlanRepository plans;
    private final DeliveryProblemFactory problems;
    private final RouteSolvingService solving;
    private final OrderService orders;
    private final MasterDataService masterData;
    private final DeliveryTrackingService tracking;
    private final RuntimeService runtime;
    private final DeliveryProperties properties;
    private final Clock clock;

    DeliveryPlanningService(DeliveryPlanRepository plans, DeliveryProblemFactory problems, RouteSolvingService solving,
            OrderService orders, MasterDataService masterData, DeliveryTrackingService tracking, RuntimeService runtime,
            DeliveryProperties properties, Clock clock) {
        this.plans = plans;
        this.problems = problems;
        this.solving = solving;
        this.orders = orders;
        this.masterData = masterData;
        this.tracking = tracking;
        this.runtime = runtime;
        this.properties = properties;
        this.clock = clock;
    }

    public record Requested(String planId, String processInstanceId) {
    }

    /** {@code POST /api/deliveries/plans}: a plan for the date, planned by its own process. */
    @Transactional
    public Requested request(LocalDate date, Integer timeLimitSeconds, String requestedBy) {
        if (date == null) {
            throw new BadRequestException("date is required (ISO, e.g. 2026-11-23).");
        }
        if (date.isBefore(LocalDate.now(clock))) {
            throw new BadRequestException("date " + date + " is in the past; plan today or a later day.");
        }
        int limit = timeLimit(timeLimitSeconds);
        String planId = open(date, requestedBy, limit).orElseThrow(() -> new ConflictException("Delivery plan "
                + plans.findOpen(date).map(DeliveryPlan::planId).orElse("?") + " for " + date
                + " is still open; approve or cancel it before planning the day again."));
        String instanceId = runtime.createMessageCorrelation(DeliveryPlanningProcess.MESSAGE_PLAN_REQUESTED)
                .processInstanceBusinessKey(planId).setVariable(Vars.PLAN_ID, planId)
                .setVariable(Vars.DELIVERY_DATE, date.toString()).correlateStartMessage().getId();
        plans.setProcessInstance(planId, instanceId);
        return new Requested(planId, instanceId);
    }

    /**
     * The plan the daily cut-off timer works on: a new one for the day {@code days-ahead} from today, or none when
     * that day already has an open plan (someone is planning it by hand).
     */
    @Transactional
    public Optional<String> openForCutOff(String processInstanceId) {
        LocalDate date = LocalDate.now(clock).plusDays(properties.daysAhead());
        Optional<String> planId = open(date, CUT_OFF_REQUESTER, (int) properties.timeLimit().toSeconds());
        planId.ifPresentOrElse(id -> plans.setProcessInstance(id, processInstanceId),
                () -> log.info("Daily cut-off: {} already has an open delivery plan; nothing to do", date));
        return planId;
    }

    private Optional<String> open(LocalDate date, String requestedBy, int timeLimitSeconds) {
        String planId = UUID.randomUUID().toString();
        try {
            plans.insert(planId, date, requestedBy, timeLimitSeconds);
            return Optional.of(planId);
        } catch (DuplicateKeyException openPlanExists) {
            return Optional.empty();
        }
    }

    public DeliveryPlan get(String planId) {
        return plans.find(planId).orElseThrow(() -> new NotFoundException("No delivery plan with id " + planId + "."));
    }

    public List<DeliveryPlan> list(LocalDate date, int limit) {
        return plans.list(date, Math.min(Math.max(limit, 1), 200));
    }

    /**
     * A planning round: the orders due by the plan's date are counted and the round's settings recorded. Answers
     * the number of orders; with none the plan ends EMPTY.
     */
    @Transactional
    public int collect(String planId, Integer timeLimitSeconds, String excludedVehicles) {
        DeliveryPlan plan = get(planId);
        // a dispatcher's re-plan setting: out-of-range budgets are brought into range rather than failing the step
        int limit = timeLimitSeconds == null ? plan.timeLimitSeconds()
                : Math.max(1, Math.min((int) properties.maxTimeLimit().toSeconds(), timeLimitSeconds));
        List<String> excluded = excludedVehicles == null ? plan.excludedVehicles()
                : List.of(excludedVehicles.split("[,;\\s]+")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        int due = Math.min(orders.countDueForDelivery(plan.deliveryDate()), properties.maxOrdersPerPlan());
        plans.startRound(planId, limit, excluded, due);
        if (due == 0) {
            plans.close(planId, PlanStatus.EMPTY);
        }
        log.info("Delivery plan {} for {}: {} confirmed orders due, {} s to plan, vehicles left out: {}", planId,
                plan.deliveryDate(), due, limit, excluded);
        return due;
    }

    /**
     * Solves the plan's routing problem within its time limit, writing progress (best plan so far, time left) to
     * the plan as the solver improves, and stores the routes and the unassigned orders with their reasons.
     */
    public DeliveryPlan plan(String planId) {
        DeliveryPlan plan = get(planId);
        List<Order> due = orders.dueForDelivery(plan.deliveryDate(), properties.maxOrdersPerPlan());
        Set<String> excluded = plan.excludedVehicles().stream().map(s -> s.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
        Collection<Vehicle> fleet = masterData.vehicles().stream()
                .filter(v -> !excluded.contains(v.vehicleId().toUpperCase(Locale.ROOT))).toList();
        DeliveryProblemFactory.Built built = problems.build("plan-" + plan.deliveryDate(), due, masterData::customer,
                masterData.products(DeliveryProblemFactory.skus(due)), fleet, masterData.depots(), properties.serviceMinutes());
        long budget = plan.timeLimitSeconds() * 1000L;
        long started = System.currentTimeMillis();
        RoutingResult result;
        if (built.problem().visits().isEmpty() || built.problem().vehicles().isEmpty()) {
            result = new RoutingResult(built.problem().visits().isEmpty(), 0, 0, List.of(),
                    built.problem().visits().stream().map(v -> v.id()).toList(), "-");
        } else {
            long[] lastWrite = {0};
            try {
                result = solving.solve(built.problem(), Duration.ofMillis(budget), progress -> {
                    long now = System.currentTimeMillis();
                    if (now - lastWrite[0] >= PROGRESS_INTERVAL_MILLIS) {
                        lastWrite[0] = now;
                        plans.setProgress(planId, progress(progress.stage(), progress.elapsedMillis(), budget,
                                progress.vehiclesUsed(), progress.unassigned() + built.leftOut().size(), progress.distance(), false));
                    }
                }).join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        List<DeliveryPlan.Route> routes = problems.routes(built, result);
        List<DeliveryPlan.Unassigned> unassigned = problems.unassigned(built, result);
        boolean feasible = result.feasible() && built.leftOut().isEmpty();
        plans.setResult(planId, feasible, result.vehiclesUsed(), result.totalDistance(), routes, unassigned,
                // the solver stops early once it stops improving: the time it took, nothing left
                progress("finished", System.currentTimeMillis() - started, 0, result.vehiclesUsed(), unassigned.size(),
                        result.totalDistance(), true));
        log.info("Delivery plan {} for {}: {} orders on {} vehicles, {} km, {} unassigned", planId, plan.deliveryDate(),
                due.size() - unassigned.size(), result.vehiclesUsed(), String.format(Locale.ROOT, "%.1f", result.totalDistance()),
                unassigned.size());
        return get(planId);
    }

    private static DeliveryPlan.Progress progress(String stage, long elapsedMillis, long budgetMillis, int vehicles,
            int unassigned, double distance, boolean finished) {
        String best = String.format(Locale.ROOT, "%d unassigned, %d vehicles, %.1f km", unassigned, vehicles, distance);
        return new DeliveryPlan.Progress(stage, elapsedMillis / 1000, Math.max(0, (budgetMillis - elapsedMillis) / 1000),
                vehicles, unassigned, Math.round(distance * 10) / 10.0, best, finished);
    }

    /**
     * The dispatcher approved: each planned order becomes SCHEDULED with its vehicle, stop and ETA. An order another
     * plan took meanwhile (or cancelled) is dropped from the routes. Safe to run twice.
     */
    @Transactional
    public List<String> approve(String planId, String approvedBy) {
        DeliveryPlan plan = get(planId);
        if (plan.status() != PlanStatus.APPROVED && !plans.approve(planId, approvedBy)) {
            throw new IllegalStateException("Delivery plan " + planId + " is " + plan.status() + ", not PROPOSED.");
        }
        List<String> scheduled = new ArrayList<>();
        List<DeliveryPlan.Route> kept = new ArrayList<>();
        List<DeliveryPlan.Unassigned> unassigned = new ArrayList<>(plan.unassigned());
        Map<String, LocalTime> shiftEnds = masterData.vehicles().stream()
                .collect(Collectors.toMap(Vehicle::vehicleId, Vehicle::shiftEnd, (a, b) -> a));
        for (DeliveryPlan.Route route : plan.routes()) {
            List<DeliveryPlan.Stop> stops = new ArrayList<>();
            LocalTime shiftEnd = shiftEnds.getOrDefault(route.vehicleId(), route.returnTime());
            for (DeliveryPlan.Stop stop : route.stops()) {
                LocalDateTime windowEnd = plan.deliveryDate().atTime(stop.windowEnd() == null ? shiftEnd : stop.windowEnd());
                if (tracking.schedule(stop.orderId(), planId, plan.deliveryDate(), route.vehicleId(), stop.stopNo(),
                        plan.deliveryDate().atTime(stop.eta()), windowEnd)) {
                    stops.add(stop);
                    scheduled.add(stop.orderId());
                } else {
                    unassigned.add(new DeliveryPlan.Unassigned(stop.orderId(), stop.customerNumber(), stop.customerName(),
                            stop.latitude(), stop.longitude(), stop.demandKg(), "No longer confirmed when the plan was "
                            + "approved (" + orders.get(stop.orderId()).status() + "); the stop is left out."));
                }
            }
            if (!stops.isEmpty()) {
                kept.add(stops.size() == route.stops().size() ? route : new DeliveryPlan.Route(route.vehicleId(),
                        route.capacityKg(), route.distanceKm(), stops.stream().mapToDouble(DeliveryPlan.Stop::demandKg).sum(),
                        route.departure(), route.returnTime(), stops));
            }
        }
        if (kept.size() != plan.routes().size() || unassigned.size() != plan.unassigned().size()) {
            plans.replaceRoutes(planId, kept, unassigned, kept.size(),
                    kept.stream().mapToDouble(DeliveryPlan.Route::distanceKm).sum());
        }
        log.info("Delivery plan {} for {} approved by {}: {} orders scheduled", planId, plan.deliveryDate(), approvedBy,
                scheduled.size());
        return scheduled;
    }

    /** Starts (or wakes) the delivery process of every order the approved plan scheduled. */
    @Transactional
    public void startDeliveries(String planId) {
        for (DeliveryPlan.Route route : get(planId).routes()) {
            route.stops().forEach(stop -> tracking.track(stop.orderId()));
        }
    }

    /** The plan's process ended: a plan still open then was never approved. */
    @Transactional
    public void processEnded(String planId) {
        plans.close(planId, PlanStatus.CANCELLED);
    }

    private int timeLimit(Integer seconds) {
        int max = (int) properties.maxTimeLimit().toSeconds();
        if (seconds == null) {
            return (int) properties.timeLimit().toSeconds();
        }
        if (seconds < 1 || seconds > max) {
            throw new BadRequestException("timeLimitSeconds must be between 1 and " + max + ".");
        }
        return seconds;
    }
}
