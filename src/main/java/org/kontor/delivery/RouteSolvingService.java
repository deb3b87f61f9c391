package org.kontor.delivery;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.ArrayList;
import java.util.List;
import org.kontor.delivery.routing.DistanceCalculator;
import org.kontor.delivery.routing.Location;
import org.kontor.delivery.routing.RoutingProblem;
import org.kontor.delivery.routing.RoutingProblem.VehicleSpec;
import org.kontor.delivery.routing.RoutingProblem.VisitSpec;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.kontor.delivery.routing.RoutingProgress;
import org.kontor.delivery.routing.RoutingResult;
import org.kontor.delivery.routing.RoutingSolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Runs route solving on a small, bounded pool of its own: a solve takes a core for its whole time limit, so
 * servlet threads only hand the work over, and when the pool and its queue are full callers hear so at once
 * instead of piling up.
 */
@Service
public class RouteSolvingService {

    private static final Logger log = LoggerFactory.getLogger(RouteSolvingService.class);

    private final RoutingSolver solver;
    private final ThreadPoolExecutor executor;
    private final RoutingProperties properties;

    public RouteSolvingService(RoutingProperties properties) {
        this.properties = properties;
        this.solver = new RoutingSolver();
        int threads = Math.max(1, properties.solverThreads());
        AtomicInteger count = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(Math.max(1, properties.queueCapacity())), runnable -> {
                    Thread thread = new Thread(runnable, "route-solver-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * Solves within {@code timeLimit} on the solver pool. Cancelling the future does not stop a solve that has
     * started (CompletableFuture does not interrupt); the solver's own time limit does.
     *
     * @throws SolverBusyException when every solver thread is busy and the queue is full
     */
    public CompletableFuture<RoutingResult> solve(RoutingProblem problem, Duration timeLimit) {
        return solve(problem, timeLimit, progress -> { });
    }

    /**
     * As {@link #solve(RoutingProblem, Duration)}, telling {@code listener} of every better plan (on the solver
     * thread; keep it cheap).
     */
    public CompletableFuture<RoutingResult> solve(RoutingProblem problem, Duration timeLimit,
            Consumer<RoutingProgress> listener) {
        try {
            return CompletableFuture.supplyAsync(() -> {
                long start = System.nanoTime();
                RoutingResult result = solver.solve(problem, timeLimit, progress -> {
                    log.debug("Routing problem {}: {} after {} ms, {} vehicles, {} unassigned, distance {}", problem.name(),
                            progress.stage(), progress.elapsedMillis(), progress.vehiclesUsed(), progress.unassigned(),
                            progress.distance());
                    listener.accept(progress);
                });
                log.info("Solved routing problem {} ({} visits, {} vehicles) in {} ms: {} vehicles used, {} unassigned",
                        problem.name(), problem.visits().size(), problem.vehicles().size(),
                        (System.nanoTime() - start) / 1_000_000, result.vehiclesUsed(), result.unassigned().size());
                return result;
            }, executor);
        } catch (RejectedExecutionException e) {
            throw new SolverBusyException("The route solver is busy with " + executor.getActiveCount() + " problem(s) and "
                    + executor.getQueue().size() + " waiting; retry later or with a smaller timeLimitSeconds.");
        }
    }

    public RoutingProperties properties() {
        return properties;
    }

    /**
     * Solves a small made-up problem once on the solver pool when the application is up: the first solve in a
     * JVM spends most of a short time limit loading and compiling the solver, and would answer a caller's
     * one-second request with nothing planned.
     */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        List<VehicleSpec> vehicles = List.of(new VehicleSpec("warm-up", 100, new Location(0, 0), 0, 1000));
        List<VisitSpec> visits = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            visits.add(new VisitSpec("w" + i, new Location(i % 5, i / 5), 1, 0, 1000, 1));
        }
        RoutingProblem problem = new RoutingProblem("warm-up", vehicles, visits, DistanceCalculator.EUCLIDEAN, 1.0);
        executor.execute(() -> {
            solver.solve(problem, Duration.ofSeconds(1));
            log.debug("Route solver warmed up");
        });
    }

    @PreDestroy
    void shutdown() {
        executor.shutdownNow();
    }

    /** All solver threads busy and the queue full; answered with 503. */
    public static class SolverBusyException extends RuntimeException {

        public SolverBusyException(String message) {
            super(message);
        }
    }
}
