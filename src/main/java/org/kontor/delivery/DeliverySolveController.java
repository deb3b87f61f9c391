package org.kontor.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.function.DoubleFunction;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.kontor.delivery.RouteSolvingService.SolverBusyException;
import org.kontor.delivery.routing.DistanceCalculator;
import org.kontor.delivery.routing.Location;
import org.kontor.delivery.routing.RoutingInputException;
import org.kontor.delivery.routing.RoutingProblem;
import org.kontor.delivery.routing.RoutingProblem.VehicleSpec;
import org.kontor.delivery.routing.RoutingProblem.VisitSpec;
import org.kontor.delivery.routing.RoutingResult;
import org.kontor.delivery.routing.SolomonInstance;
import org.kontor.platform.web.ApiExceptionHandler;
import org.kontor.platform.web.BadRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * {@code POST /api/deliveries/solve}: solves a routing problem without touching orders, for what-if planning and
 * benchmarks. The body is either {@link SolveRequest} JSON or, as {@code text/plain}, a Solomon-format VRPTW
 * instance. The servlet thread is released while the solver works (the answer is deferred) and the solver pool
 * is bounded (see {@link RouteSolvingService}).
 */
@RestController
@RequestMapping("/api/deliveries")
class DeliverySolveController {

    /** Beyond the time limit: building the solver, reading back the plan, and waiting for a queued turn. */
    private static final Duration GRACE = Duration.ofSeconds(60);
    private static final int SECONDS_PER_DAY = 24 * 3600;

    private final RouteSolvingService solving;
    private final RoutingProperties properties;

    DeliverySolveController(RouteSolvingService solving, RoutingProperties properties) {
        this.solving = solving;
        this.properties = properties;
    }

    @PostMapping(path = "/solve", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    DeferredResult<SolveResponse> solveJson(@Valid @RequestBody SolveRequest request,
            @RequestParam(required = false) Integer timeLimitSeconds) {
        Duration limit = timeLimit(timeLimitSeconds);
        RoutingProblem problem = toProblem(request);
        return solve(problem, limit, DeliverySolveController::clock, 3);
    }

    @PostMapping(path = "/solve", consumes = MediaType.TEXT_PLAIN_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    DeferredResult<SolveResponse> solveSolomon(HttpServletRequest http,
            @RequestParam(required = false) Integer timeLimitSeconds) throws IOException {
        Duration limit = timeLimit(timeLimitSeconds);
        String text = readBounded(http);
        SolomonInstance instance;
        try {
            instance = SolomonInstance.parse(text, properties.maxVisits());
        } catch (RoutingInputException e) {
            throw new BadRequestException("Not a readable Solomon VRPTW instance. " + e.getMessage());
        }
        if (instance.vehicleCount() > properties.maxVehicles()) {
            throw new BadRequestException("The instance asks for " + instance.vehicleCount() + " vehicles; at most "
                    + properties.maxVehicles() + " are accepted.");
        }
        return solve(instance.toProblem(), limit, value -> round(value, 3), 3);
    }

    @ExceptionHandler(SolverBusyException.class)
    ProblemDetail busy(SolverBusyException e) {
        return ApiExceptionHandler.problem(HttpStatus.SERVICE_UNAVAILABLE, "Route solver busy", e.getMessage());
    }

    private DeferredResult<SolveResponse> solve(RoutingProblem problem, Duration limit, DoubleFunction<Object> time,
            int decimals) {
        DeferredResult<SolveResponse> answer = new DeferredResult<>(limit.plus(GRACE).toMillis());
        var future = solving.solve(problem, limit);
        answer.onTimeout(() -> {
            future.cancel(true);
            answer.setErrorResult(new SolverBusyException("No solver became free within " + GRACE.toSeconds()
                    + " s beyond the time limit; retry later."));
        });
        future.whenComplete((result, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                answer.setErrorResult(cause);
            } else {
                answer.setResult(toResponse(result, time, decimals));
            }
        });
        return answer;
    }

    private Duration timeLimit(Integer seconds) {
        int value = seconds == null ? properties.defaultTimeLimitSeconds() : seconds;
        if (value < 1 || value > properties.maxTimeLimitSeconds()) {
            throw new BadRequestException("timeLimitSeconds must be between 1 and " + properties.maxTimeLimitSeconds()
                    + ", was " + value + ".");
        }
        return Duration.ofSeconds(value);
    }

    private String readBounded(HttpServletRequest http) throws IOException {
        long max = properties.maxInstanceSize().toBytes();
        if (http.getContentLengthLong() > max) {
            throw new BadRequestException("The instance is " + http.getContentLengthLong() + " bytes; at most " + max
                    + " are accepted.");
        }
        try (InputStream in = http.getInputStream()) {
            byte[] bytes = in.readNBytes((int) max + 1);
            if (bytes.length > max) {
                throw new BadRequestException("The instance is larger than " + max + " bytes, the most accepted.");
            }
            Charset charset = http.getCharacterEncoding() == null ? StandardCharsets.UTF_8
                    : Charset.forName(http.getCharacterEncoding());
            return new String(bytes, charset);
        }
    }

    private RoutingProblem toProblem(SolveRequest request) {
        if (request.visits().size() > properties.maxVisits()) {
            throw new BadRequestException("The problem has " + request.visits().size() + " visits; at most "
                    + properties.maxVisits() + " are accepted.");
        }
        if (request.vehicles().size() > properties.maxVehicles()) {
            throw new BadRequestException("The problem has " + request.vehicles().size() + " vehicles; at most "
                    + properties.maxVehicles() + " are accepted.");
        }
        Location depot = Location.ofLatLon(request.depot().latitude(), request.depot().longitude());
        List<VehicleSpec> vehicles = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < request.vehicles().size(); i++) {
            SolveRequest.Vehicle v = request.vehicles().get(i);
            if (!ids.add(v.id())) {
                throw new BadRequestException("vehicles[" + i + "].id '" + v.id() + "' is used twice; vehicle ids must be unique.");
            }
            if (!v.shiftStart().isBefore(v.shiftEnd())) {
                throw new BadRequestException("vehicles[" + i + "]: shiftStart " + v.shiftStart()
                        + " must be before shiftEnd " + v.shiftEnd() + ".");
            }
            vehicles.add(new VehicleSpec(v.id(), v.capacityKg(), depot, v.shiftStart().toSecondOfDay(),
                    v.shiftEnd().toSecondOfDay()));
        }
        ids.clear();
        List<VisitSpec> visits = new ArrayList<>();
        for (int i = 0; i < request.visits().size(); i++) {
            SolveRequest.Visit v = request.visits().get(i);
            if (!ids.add(v.id())) {
                throw new BadRequestException("visits[" + i + "].id '" + v.id() + "' is used twice; visit ids must be unique.");
            }
            int ready = v.windowStart() == null ? 0 : v.windowStart().toSecondOfDay();
            int due = v.windowEnd() == null ? SECONDS_PER_DAY : v.windowEnd().toSecondOfDay();
            if (ready > due) {
                throw new BadRequestException("visits[" + i + "]: windowStart " + v.windowStart()
                        + " must not be after windowEnd " + v.windowEnd() + ".");
            }
            double service = v.serviceMinutes() == null ? 0 : v.serviceMinutes() * 60;
            visits.add(new VisitSpec(v.id(), Location.ofLatLon(v.latitude(), v.longitude()), v.demandKg(), ready, due,
                    service));
        }
        double speed = request.speedKmh() == null ? properties.speedKmh() : request.speedKmh();
        return new RoutingProblem("json-" + visits.size(), vehicles, visits, DistanceCalculator.HAVERSINE, 3600.0 / speed);
    }

    private static SolveResponse toResponse(RoutingResult result, DoubleFunction<Object> time, int decimals) {
        List<SolveResponse.Route> routes = result.routes().stream()
                .map(r -> new SolveResponse.Route(r.vehicleId(), round(r.distance(), decimals), round(r.load(), decimals),
                        r.stops().stream().map(s -> new SolveResponse.Stop(s.visitId(), time.apply(s.arrival()),
                                time.apply(s.start()), time.apply(s.departure()))).toList()))
                .toList();
        return new SolveResponse(result.feasible(), result.vehiclesUsed(), round(result.totalDistance(), decimals), routes,
                result.unassigned());
    }

    /** Seconds of the day as {@code HH:mm:ss}; past midnight the hours go on (24:10:00) rather than wrap. */
    private static Object clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60);
    }

    private static double round(double value, int decimals) {
        double factor = Math.pow(10, decimals);
        return Math.round(value * factor) / factor;
    }
}
