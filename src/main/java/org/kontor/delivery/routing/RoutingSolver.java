package org.kontor.delivery.routing;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.api.solver.event.SolverEventListener;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.ListChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.ListSwapMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.kopt.KOptListMoveSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import org.kontor.delivery.routing.RoutingProblem.VehicleSpec;
import org.kontor.delivery.routing.RoutingProblem.VisitSpec;
import org.kontor.delivery.routing.RoutingResult.PlannedRoute;
import org.kontor.delivery.routing.RoutingResult.PlannedStop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Solves a {@link RoutingProblem} within a time limit with Timefold. The budget is spent in stages:
 * <ol>
 *   <li>construction (cheapest insertion) and local search on the whole fleet;</li>
 *   <li>route elimination: while the plan serves everything, the vehicle with the fewest stops is taken away and
 *       its stops must be re-inserted; an attempt that serves everything again becomes the plan. Local search
 *       alone rarely empties a route, because only the very last move that empties it pays off. An attempt runs
 *       in short slices; after each, the visits still left out weigh more at the medium level, and ejection
 *       moves ({@link NearbyMoveFactory}) let a heavy visit push lighter ones out of its place (the ejection
 *       pool of Nagata and Bräysy, expressed as Timefold score and moves);</li>
 *   <li>after a failed attempt, distance on the best plan until the search stalls; then another attempt from
 *       the improved plan (at most three failures); the last fifth of the time always goes to distance.</li>
 * </ol>
 * Thread-safe: one instance serves all callers (each solve builds its own {@link Solver}).
 */
public final class RoutingSolver {

    private static final Logger log = LoggerFactory.getLogger(RoutingSolver.class);

    /**
     * Share of the budget for the first stage, and the most one elimination attempt may use. Measured on Solomon
     * R1/RC1 instances (docs/routing-benchmark.md): a short first stage and long attempts remove more routes than
     * 0.3 and 0.25; the first stage only has to serve everything, elimination is where vehicles are saved.
     */
    private static final double INITIAL_SHARE = 0.15;
    private static final double ATTEMPT_SHARE = 0.4;
    /** No elimination attempt with less than this share of the budget left: it would rarely succeed. */
    private static final double MIN_ATTEMPT_SHARE = 0.1;
    /** Kept for distance after the last elimination attempt: a plan just squeezed into fewer routes drives far. */
    private static final double RESERVE_SHARE = 0.2;
    /** After this many failed attempts the rest of the time goes to distance. */
    private static final int MAX_FAILED_ELIMINATIONS = 3;
    /** A stage ends early when its best score has not improved for this share of the budget (small problems). */
    private static final double UNIMPROVED_SHARE = 0.15;
    /**
     * An elimination attempt runs in slices: each ends when it has not served more (by weight) for this long,
     * or after {@link #SLICE_MILLIS}; then the weights of the visits still left out go up. 500 ms stalls were
     * worse than 200 ms: the weights must change often for the search to move on.
     */
    private static final long SLICE_UNIMPROVED_MILLIS = 200;
    private static final long SLICE_MILLIS = 1000;
    private static final String SERVES_EVERYTHING = "0hard/0medium/" + Long.MIN_VALUE + "soft";

    /**
     * Seeds the stages cycle through. A stage restarted on the same plan with the same seed would repeat the same
     * walk, so each stage of a solve gets the next seed; runs stay reproducible for equal stage lengths.
     */
    private static final int SEEDS = 16;

    private final SolverConfig config;
    private final AtomicReferenceArray<SolverFactory<RoutingSolution>> solverFactories = new AtomicReferenceArray<>(SEEDS);

    public RoutingSolver() {
        this(defaultConfig());
    }

    /** With a different solver configuration (phases, moves, acceptor); terminations are set per stage. */
    public RoutingSolver(SolverConfig config) {
        this.config = new SolverConfig(config);
        solverFactories.set(0, SolverFactory.create(config));
    }

    private SolverFactory<RoutingSolution> factory(int stage) {
        int index = stage % SEEDS;
        SolverFactory<RoutingSolution> factory = solverFactories.get(index);
        if (factory == null) {
            long seed = (config.getRandomSeed() == null ? 0 : config.getRandomSeed()) + index;
            // A race builds a spare factory at worst; they are interchangeable.
            factory = SolverFactory.create(new SolverConfig(config).withRandomSeed(seed));
            solverFactories.compareAndSet(index, null, factory);
        }
        return factory;
    }

    /**
     * Construction by cheapest insertion, then late acceptance over list moves: mostly {@link NearbyMoveFactory}
     * (relocate or swap next to one of the nearest stops), plus Timefold's random change, swap and 2-opt moves so
     * that any plan stays reachable. Measured on Solomon instances (docs/routing-benchmark.md): a short late
     * acceptance list (50) beat 100 and 400 at these time limits; sub-list moves cost more evaluation speed than
     * they gained; Timefold's ruin-and-recreate move is left out because in 1.32 it fails
     * (NoSuchElementException in its nested construction) when stops are unassigned.
     */
    public static SolverConfig defaultConfig() {
        return new SolverConfig()
                .withSolutionClass(RoutingSolution.class)
                .withEntityClasses(VehicleRoute.class, Visit.class)
                .withConstraintProviderClass(RoutingConstraints.class)
                .withEnvironmentMode(EnvironmentMode.REPRODUCIBLE)
                .withPhases(new ConstructionHeuristicPhaseConfig(), localSearch());
    }

    private static LocalSearchPhaseConfig localSearch() {
        return new LocalSearchPhaseConfig()
                .withMoveSelectorConfig(new UnionMoveSelectorConfig().withMoveSelectors(
                        new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(NearbyMoveFactory.class)
                                .withFixedProbabilityWeight(8.0),
                        new ListChangeMoveSelectorConfig().withFixedProbabilityWeight(1.0),
                        new ListSwapMoveSelectorConfig().withFixedProbabilityWeight(1.0),
                        new KOptListMoveSelectorConfig().withMinimumK(2).withMaximumK(2).withFixedProbabilityWeight(1.0)))
                .withAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(50))
                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1));
    }

    public RoutingResult solve(RoutingProblem problem, Duration timeLimit) {
        return solve(problem, timeLimit, progress -> { });
    }

    /**
     * @param progress told of every better plan, on the solving thread; keep it cheap
     */
    public RoutingResult solve(RoutingProblem problem, Duration timeLimit, Consumer<RoutingProgress> progress) {
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("time limit must be positive");
        }
        long budget = timeLimit.toMillis();
        long started = System.currentTimeMillis();
        long deadline = started + budget;
        Model model = new Model(problem);
        AtomicInteger stages = new AtomicInteger();

        List<VehicleSpec> fleet = new ArrayList<>(problem.vehicles());
        RoutingSolution best = runStage(stages, model.solution(fleet, Map.of()), (long) (budget * INITIAL_SHARE),
                unimproved(budget), false, reporter("construct", started, progress));
        log.debug("routing {}: initial {}", problem.name(), best.getScore());

        // Then alternate: take a vehicle away while the rest still serve every stop; when that fails, improve
        // distance on the best plan until the search stalls, and try again from the improved plan.
        int failures = 0;
        while (!Thread.currentThread().isInterrupted()) {
            long remaining = deadline - System.currentTimeMillis();
            if (remaining <= 0) {
                break;
            }
            if (canEliminate(best, failures, remaining, budget)) {
                RoutingSolution candidate = eliminateSmallestRoute(stages, model, fleet, best,
                        Math.min(remaining - (long) (budget * RESERVE_SHARE), (long) (budget * ATTEMPT_SHARE)),
                        reporter("eliminate-route", started, progress));
                if (servesEverything(candidate)) {
                    best = candidate;
                    continue;
                }
                failures++;
                remaining = deadline - System.currentTimeMillis();
                if (remaining <= 0) {
                    break;
                }
            }
            // The whole fleet is back: a vehicle costs more than any distance, so the search only takes one into
            // use again if that serves more stops.
            long stageStart = System.currentTimeMillis();
            RoutingSolution improved = runStage(stages, model.solution(fleet, assignment(best)), remaining,
                    unimproved(budget), false, reporter("improve", started, progress));
            boolean better = improved.getScore().compareTo(best.getScore()) > 0;
            if (better || improved.getScore().equals(best.getScore())) {
                best = improved;
            }
            boolean stalled = System.currentTimeMillis() - stageStart < remaining - 50;
            // A stalled stage that still found something is restarted from its plan with the next seed, which
            // shakes the search up; one that found nothing ends the solve early (small problems) unless another
            // elimination attempt is due.
            if (!stalled || !better && !canEliminate(best, failures, deadline - System.currentTimeMillis(), budget)) {
                break;
            }
        }
        log.info("routing {}: {} visits, {} vehicles used, score {}", problem.name(), problem.visits().size(),
                usedVehicles(best), best.getScore());
        return model.result(best);
    }

    private static boolean canEliminate(RoutingSolution best, int failures, long remaining, long budget) {
        return servesEverything(best) && usedVehicles(best) > 1 && failures < MAX_FAILED_ELIMINATIONS
                && remaining - budget * RESERVE_SHARE > budget * MIN_ATTEMPT_SHARE;
    }

    private RoutingSolution eliminateSmallestRoute(AtomicInteger stages, Model model, List<VehicleSpec> fleet,
            RoutingSolution best, long millis, SolverEventListener<RoutingSolution> listener) {
        long attemptDeadline = System.currentTimeMillis() + millis;
        VehicleRoute smallest = best.getVehicles().stream().filter(VehicleRoute::isUsed)
                .min(Comparator.comparingInt((VehicleRoute r) -> r.getVisits().size()).thenComparingDouble(VehicleRoute::getLoad))
                .orElseThrow();
        // Unused vehicles are dropped too: only a smaller fleet forces the stops into the other routes.
        Set<String> keep = new LinkedHashSet<>();
        best.getVehicles().stream().filter(r -> r.isUsed() && r != smallest).forEach(r -> keep.add(r.getId()));
        List<VehicleSpec> smaller = fleet.stream().filter(v -> keep.contains(v.id())).toList();
        // Guided by weights, as the ejection pool of Nagata and Bräysy: a slice of local search until it stalls,
        // then every visit still left out weighs one more, so the next slice ejects easier visits to make room
        // for the ones that keep failing instead of circling on a plateau of equally many left out.
        Map<String, Long> weights = new HashMap<>();
        RoutingSolution current = model.solution(smaller, assignment(best), weights);
        while (true) {
            long left = attemptDeadline - System.currentTimeMillis();
            if (left <= 0 || Thread.currentThread().isInterrupted()) {
                return current;
            }
            RoutingSolution result = runStage(stages, current, Math.min(left, SLICE_MILLIS), SLICE_UNIMPROVED_MILLIS, true,
                    listener);
            if (servesEverything(result)) {
                return result;
            }
            result.getVisits().stream().filter(v -> v.getVehicle() == null)
                    .forEach(v -> weights.merge(v.getId(), 1L, Long::sum));
            current = model.solution(smaller, assignment(result), weights);
        }
    }

    private RoutingSolution runStage(AtomicInteger stages, RoutingSolution start, long millis, long unimprovedMillis,
            boolean untilAllServed, SolverEventListener<RoutingSolution> listener) {
        TerminationConfig termination = new TerminationConfig().withMillisecondsSpentLimit(Math.max(1, millis));
        if (unimprovedMillis > 0) {
            termination.setUnimprovedMillisecondsSpentLimit(unimprovedMillis);
        }
        if (untilAllServed) {
            termination.setBestScoreLimit(SERVES_EVERYTHING);
        }
        Solver<RoutingSolution> solver = factory(stages.getAndIncrement()).buildSolver(
                new SolverConfigOverride<RoutingSolution>().withTerminationConfig(termination));
        solver.addEventListener(listener);
        return solver.solve(start);
    }

    private static SolverEventListener<RoutingSolution> reporter(String stage, long started,
            Consumer<RoutingProgress> progress) {
        return event -> {
            RoutingSolution plan = event.getNewBestSolution();
            int unassigned = (int) plan.getVisits().stream().filter(v -> v.getVehicle() == null).count();
            double distance = plan.getVehicles().stream().mapToDouble(VehicleRoute::getDistance).sum();
            progress.accept(new RoutingProgress(stage, System.currentTimeMillis() - started, usedVehicles(plan), unassigned,
                    distance));
        };
    }

    private static long unimproved(long budget) {
        return Math.max(500, (long) (budget * UNIMPROVED_SHARE));
    }

    private static boolean servesEverything(RoutingSolution solution) {
        HardMediumSoftLongScore score = solution.getScore();
        return score != null && score.hardScore() == 0 && score.mediumScore() == 0;
    }

    private static int usedVehicles(RoutingSolution solution) {
        return (int) solution.getVehicles().stream().filter(VehicleRoute::isUsed).count();
    }

    private static Map<String, List<String>> assignment(RoutingSolution solution) {
        Map<String, List<String>> routes = new HashMap<>();
        for (VehicleRoute route : solution.getVehicles()) {
            routes.put(route.getId(), route.getVisits().stream().map(Visit::getId).toList());
        }
        return routes;
    }

    /** The problem with its precomputed matrix; builds planning solutions and reads results back. */
    private static final class Model {

        private final RoutingProblem problem;
        private final DistanceMatrix matrix;
        private final Map<String, Integer> depotIndex = new HashMap<>();
        private final int firstVisitIndex;

        Model(RoutingProblem problem) {
            this.problem = problem;
            // Vehicles sharing a depot share its row of the matrix.
            Map<Location, Integer> depots = new LinkedHashMap<>();
            for (VehicleSpec vehicle : problem.vehicles()) {
                int index = depots.computeIfAbsent(vehicle.depot(), d -> depots.size());
                depotIndex.put(vehicle.id(), index);
            }
            List<Location> locations = new ArrayList<>(depots.keySet());
            firstVisitIndex = locations.size();
            problem.visits().forEach(v -> locations.add(v.location()));
            this.matrix = DistanceMatrix.of(locations, problem.distanceCalculator(), problem.timePerDistance());
        }

        RoutingSolution solution(List<VehicleSpec> fleet, Map<String, List<String>> routes) {
            return solution(fleet, routes, Map.of());
        }

        /** @param weights of leaving a visit unassigned, where not 1 */
        RoutingSolution solution(List<VehicleSpec> fleet, Map<String, List<String>> routes, Map<String, Long> weights) {
            Map<String, Visit> visits = new LinkedHashMap<>();
            List<VisitSpec> specs = problem.visits();
            for (int i = 0; i < specs.size(); i++) {
                VisitSpec spec = specs.get(i);
                visits.put(spec.id(), new Visit(spec.id(), firstVisitIndex + i, spec.demand(), spec.readyTime(),
                        spec.dueTime(), spec.serviceTime(), matrix));
                visits.get(spec.id()).setUnassignedWeight(1 + weights.getOrDefault(spec.id(), 0L));
            }
            List<VehicleRoute> vehicles = new ArrayList<>();
            for (VehicleSpec spec : fleet) {
                VehicleRoute route = new VehicleRoute(spec.id(), spec.capacity(), depotIndex.get(spec.id()),
                        spec.shiftStart(), spec.shiftEnd(), matrix);
                route.assign(routes.getOrDefault(spec.id(), List.<String>of()).stream().map(visits::get).toList());
                vehicles.add(route);
            }
            return new RoutingSolution(vehicles, new ArrayList<>(visits.values()));
        }

        /**
         * Reads the plan back, recomputing times from the stop order alone. A plan cut off by the time limit
         * before the search repaired it may still break a rule: such stops are moved to {@code unassigned}, so
         * every returned route keeps capacity, windows and shift end whatever happened.
         */
        RoutingResult result(RoutingSolution solution) {
            Map<String, VisitSpec> specs = new HashMap<>();
            problem.visits().forEach(v -> specs.put(v.id(), v));
            Set<String> served = new LinkedHashSet<>();
            List<PlannedRoute> routes = new ArrayList<>();
            double total = 0;
            int dropped = 0;
            for (VehicleRoute route : solution.getVehicles()) {
                List<Visit> kept = new ArrayList<>(route.getVisits());
                PlannedRoute planned;
                while (true) {
                    planned = walk(route, kept, specs);
                    if (planned.stops().size() == kept.size() || kept.isEmpty()) {
                        if (planned.returnTime() <= route.getShiftEnd() + Visit.EPSILON || kept.isEmpty()) {
                            break;
                        }
                        kept.remove(kept.size() - 1); // back too late: the last stop goes first
                    } else {
                        Set<String> ok = new LinkedHashSet<>();
                        planned.stops().forEach(stop -> ok.add(stop.visitId()));
                        kept.removeIf(v -> !ok.contains(v.getId()));
                    }
                }
                dropped += route.getVisits().size() - kept.size();
                if (kept.isEmpty()) {
                    continue;
                }
                planned.stops().forEach(stop -> served.add(stop.visitId()));
                total += planned.distance();
                routes.add(planned);
            }
            if (dropped > 0) {
                log.warn("routing {}: the time limit ended before {} stop(s) could be placed within the rules; "
                        + "they are reported unassigned", problem.name(), dropped);
            }
            List<String> unassigned = problem.visits().stream().map(VisitSpec::id).filter(id -> !served.contains(id))
                    .toList();
            HardMediumSoftLongScore score = solution.getScore();
            return new RoutingResult(unassigned.isEmpty(), routes.size(), total, routes, unassigned,
                    score == null ? null : score.toString());
        }

        /** Walks the stops in order, leaving out any that would arrive late or overload the vehicle. */
        private PlannedRoute walk(VehicleRoute route, List<Visit> visits, Map<String, VisitSpec> specs) {
            List<PlannedStop> stops = new ArrayList<>();
            int from = route.getDepotIndex();
            double time = route.getShiftStart();
            double distance = 0;
            double load = 0;
            for (Visit visit : visits) {
                VisitSpec spec = specs.get(visit.getId());
                double arrival = time + matrix.travelTime(from, visit.getLocationIndex());
                if (arrival > spec.dueTime() + Visit.EPSILON || load + spec.demand() > route.getCapacity() + Visit.EPSILON) {
                    continue;
                }
                double start = Math.max(arrival, spec.readyTime());
                time = start + spec.serviceTime();
                distance += matrix.distance(from, visit.getLocationIndex());
                load += spec.demand();
                from = visit.getLocationIndex();
                stops.add(new PlannedStop(visit.getId(), arrival, start, time));
            }
            distance += matrix.distance(from, route.getDepotIndex());
            time += matrix.travelTime(from, route.getDepotIndex());
            return new PlannedRoute(route.getId(), distance, load, route.getShiftStart(), time, stops);
        }
    }
}
