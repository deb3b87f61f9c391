package org.kontor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.graphhopper.jsprit.core.algorithm.VehicleRoutingAlgorithm;
import com.graphhopper.jsprit.core.algorithm.box.Jsprit;
import com.graphhopper.jsprit.core.algorithm.termination.TimeTermination;
import com.graphhopper.jsprit.core.problem.Location;
import com.graphhopper.jsprit.core.problem.VehicleRoutingProblem;
import com.graphhopper.jsprit.core.problem.job.Job;
import com.graphhopper.jsprit.core.problem.job.Service;
import com.graphhopper.jsprit.core.problem.solution.VehicleRoutingProblemSolution;
import com.graphhopper.jsprit.core.problem.solution.route.activity.TourActivity;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleImpl;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleTypeImpl;
import com.graphhopper.jsprit.core.util.Solutions;
import com.graphhopper.jsprit.core.util.VehicleRoutingTransportCostsMatrix;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.kontor.delivery.routing.RouteCheck;
import org.kontor.delivery.routing.RouteCheck.Site;
import org.kontor.delivery.routing.RouteCheck.Tour;
import org.kontor.delivery.routing.RoutingResult;
import org.kontor.delivery.routing.RoutingSolver;
import org.kontor.delivery.routing.SolomonInstance;
import org.kontor.delivery.routing.SolomonInstance.Customer;

/**
 * Routing quality on Solomon-format VRPTW instances (SPEC §8): Kontor's Timefold solver and jsprit's standard
 * algorithm side by side, each with the same time limit, every solution checked by {@link RouteCheck}, gaps
 * measured against the best-known solutions (fewest vehicles first, then distance).
 *
 * <pre>
 * mvn -q -Prouting-bench test-compile exec:java \
 *   -Dexec.args="&lt;folder of .txt instances&gt; &lt;best-known.json&gt; [seconds per instance, default 30] [C101,R101,...]"
 * </pre>
 * best-known.json maps an instance name to {@code {"vehicles": n, "distance": d}}.
 */
public final class RoutingBenchmark {

    /** jsprit minimises cost; a vehicle costing more than any route makes it minimise vehicles first. */
    private static final double JSPRIT_FIXED_COST = 100_000;

    record Outcome(int vehicles, double distance, boolean feasible, int unassigned, double seconds, String problems) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: RoutingBenchmark <folder> <best-known.json> [seconds=30] [name,name,...]");
            System.exit(2);
        }
        Path folder = Path.of(args[0]);
        JsonNode bestKnown = new ObjectMapper().readTree(Files.readString(Path.of(args[1])));
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt")).sorted().toList();
        }
        if (args.length > 3) {
            List<String> names = Arrays.asList(args[3].split(","));
            files = files.stream().filter(p -> names.contains(baseName(p))).toList();
        }
        System.out.printf("Routing benchmark: %d instances from %s, %d s per instance and solver%n", files.size(), folder,
                seconds);
        RoutingSolver solver = new RoutingSolver();
        if (!files.isEmpty()) {
            // A server solves in a warm JVM: both solvers get a few unrecorded seconds for the JIT first.
            SolomonInstance warmUp = SolomonInstance.parse(Files.readString(files.get(0), StandardCharsets.ISO_8859_1), 100_000);
            int warmUpSeconds = Math.min(5, seconds);
            System.out.printf("warming up on %s for %d s per solver%n", warmUp.name(), warmUpSeconds);
            runKontor(solver, warmUp, warmUpSeconds);
            if (!Boolean.getBoolean("skip.jsprit")) {
                runJsprit(warmUp, warmUpSeconds);
            }
        }
        List<String> rows = new ArrayList<>();
        List<double[]> stats = new ArrayList<>();
        String header = "| instance | best veh | best dist | Kontor veh | Kontor dist | gap | feasible | time s "
                + "| jsprit veh | jsprit dist | gap | feasible | time s |";
        System.out.println(header);
        System.out.println("|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---|---:|");
        for (Path file : files) {
            String name = baseName(file);
            SolomonInstance instance = SolomonInstance.parse(Files.readString(file, StandardCharsets.ISO_8859_1), 100_000);
            JsonNode bk = bestKnown.get(name);
            int bkVehicles = bk == null ? -1 : bk.get("vehicles").asInt();
            double bkDistance = bk == null ? Double.NaN : bk.get("distance").asDouble();

            Outcome kontor = runKontor(solver, instance, seconds);
            Outcome jsprit = Boolean.getBoolean("skip.jsprit") ? new Outcome(0, Double.NaN, false, 0, 0, "")
                    : runJsprit(instance, seconds);
            String row = String.format(Locale.ROOT, "| %s | %d | %.2f | %s | %s |", name, bkVehicles, bkDistance,
                    cells(kontor, bkVehicles, bkDistance), cells(jsprit, bkVehicles, bkDistance));
            System.out.println(row);
            rows.add(row);
            stats.add(new double[] {bkVehicles, bkDistance, kontor.vehicles, kontor.distance, kontor.feasible ? 1 : 0,
                    jsprit.vehicles, jsprit.distance, jsprit.feasible ? 1 : 0});
            if (!kontor.problems.isEmpty() || !jsprit.problems.isEmpty()) {
                System.out.println("  problems: Kontor " + kontor.problems + "; jsprit " + jsprit.problems);
            }
        }
        System.out.println();
        System.out.println(summary("Kontor", stats, 2));
        System.out.println(summary("jsprit", stats, 5));
        int better = 0;
        int worse = 0;
        for (double[] s : stats) {
            int cmp = compare(s[2], s[3], s[5], s[6]);
            if (cmp < 0) {
                better++;
            } else if (cmp > 0) {
                worse++;
            }
        }
        System.out.printf(Locale.ROOT, "Kontor vs jsprit (vehicles, then distance): better on %d, worse on %d, equal on %d of %d%n",
                better, worse, stats.size() - better - worse, stats.size());
    }

    private static String cells(Outcome o, int bkVehicles, double bkDistance) {
        String gap = o.vehicles == bkVehicles ? String.format(Locale.ROOT, "%+.2f%%", 100 * (o.distance - bkDistance) / bkDistance)
                : String.format(Locale.ROOT, "%+d veh", o.vehicles - bkVehicles);
        return String.format(Locale.ROOT, "%d | %.2f | %s | %s | %.1f", o.vehicles, o.distance, gap,
                o.feasible ? "yes" : "NO (" + o.unassigned + " unassigned)", o.seconds);
    }

    private static String summary(String solver, List<double[]> stats, int offset) {
        int n = stats.size();
        int feasible = 0;
        int equalVehicles = 0;
        int atMostOneMore = 0;
        double gapSum = 0;
        for (double[] s : stats) {
            feasible += (int) s[offset + 2];
            if (s[offset] == s[0]) {
                equalVehicles++;
                gapSum += (s[offset + 1] - s[1]) / s[1];
            }
            if (s[offset] <= s[0] + 1) {
                atMostOneMore++;
            }
        }
        return String.format(Locale.ROOT,
                "%s: feasible %d/%d; vehicles = best-known on %d/%d (%.0f%%), at most one above on %d/%d; mean distance gap where vehicles match %.2f%%",
                solver, feasible, n, equalVehicles, n, n == 0 ? 0 : 100.0 * equalVehicles / n, atMostOneMore, n,
                equalVehicles == 0 ? Double.NaN : 100 * gapSum / equalVehicles);
    }

    /** Negative when (v1, d1) is better: fewer vehicles, then shorter. */
    private static int compare(double v1, double d1, double v2, double d2) {
        if (v1 != v2) {
            return Double.compare(v1, v2);
        }
        return Math.abs(d1 - d2) < 0.005 ? 0 : Double.compare(d1, d2);
    }

    private static Outcome runKontor(RoutingSolver solver, SolomonInstance instance, int seconds) {
        long start = System.nanoTime();
        RoutingResult result = solver.solve(instance.toProblem(), Duration.ofSeconds(seconds));
        double elapsed = (System.nanoTime() - start) / 1e9;
        List<Tour> tours = result.routes().stream()
                .map(r -> tour(instance, r.vehicleId(), r.stops().stream().map(RoutingResult.PlannedStop::visitId).toList()))
                .toList();
        return outcome(instance, tours, result.unassigned(), elapsed);
    }

    private static Outcome runJsprit(SolomonInstance instance, int seconds) {
        Customer depot = instance.depot();
        VehicleTypeImpl type = VehicleTypeImpl.Builder.newInstance("type")
                .addCapacityDimension(0, (int) Math.round(instance.capacity()))
                .setFixedCost(JSPRIT_FIXED_COST).setCostPerDistance(1.0).setCostPerTransportTime(0.0).build();
        Location depotLocation = Location.newInstance(depot.number());
        VehicleRoutingProblem.Builder builder = VehicleRoutingProblem.Builder.newInstance()
                .setFleetSize(VehicleRoutingProblem.FleetSize.FINITE);
        for (int i = 1; i <= instance.vehicleCount(); i++) {
            builder.addVehicle(VehicleImpl.Builder.newInstance("V" + i).setType(type).setStartLocation(depotLocation)
                    .setEarliestStart(depot.readyTime()).setLatestArrival(depot.dueTime()).build());
        }
        for (Customer c : instance.customers()) {
            builder.addJob(Service.Builder.newInstance(c.number()).addSizeDimension(0, (int) Math.round(c.demand()))
                    .setLocation(Location.newInstance(c.number())).setServiceTime(c.serviceTime())
                    .addTimeWindow(c.readyTime(), c.dueTime()).build());
        }
        // Same convention as Kontor: Euclidean distance in double precision, travel time = distance.
        List<Customer> all = new ArrayList<>(instance.customers());
        all.add(0, depot);
        VehicleRoutingTransportCostsMatrix.Builder costs = VehicleRoutingTransportCostsMatrix.Builder.newInstance(false);
        for (Customer a : all) {
            for (Customer b : all) {
                double d = Math.hypot(a.x() - b.x(), a.y() - b.y());
                costs.addTransportDistance(a.number(), b.number(), d);
                costs.addTransportTime(a.number(), b.number(), d);
            }
        }
        builder.setRoutingCost(costs.build());
        VehicleRoutingProblem vrp = builder.build();

        long start = System.nanoTime();
        VehicleRoutingAlgorithm algorithm = Jsprit.createAlgorithm(vrp);
        algorithm.setMaxIterations(Integer.MAX_VALUE);
        TimeTermination termination = new TimeTermination(seconds * 1000L);
        algorithm.setPrematureAlgorithmTermination(termination);
        algorithm.addListener(termination);
        VehicleRoutingProblemSolution best = Solutions.bestOf(algorithm.searchSolutions());
        double elapsed = (System.nanoTime() - start) / 1e9;

        List<Tour> tours = new ArrayList<>();
        for (var route : best.getRoutes()) {
            List<String> stops = new ArrayList<>();
            for (TourActivity activity : route.getActivities()) {
                if (activity instanceof TourActivity.JobActivity job) {
                    stops.add(job.getJob().getId());
                }
            }
            tours.add(tour(instance, route.getVehicle().getId(), stops));
        }
        List<String> unassigned = best.getUnassignedJobs().stream().map(Job::getId).toList();
        return outcome(instance, tours, unassigned, elapsed);
    }

    private static Tour tour(SolomonInstance instance, String vehicleId, List<String> stops) {
        return new Tour(vehicleId, instance.capacity(), instance.depot().readyTime(), instance.depot().dueTime(), stops);
    }

    private static Outcome outcome(SolomonInstance instance, List<Tour> tours, List<String> unassigned, double seconds) {
        Map<String, Site> sites = new LinkedHashMap<>();
        instance.customers().forEach(c -> sites.put(c.number(), site(c)));
        RouteCheck.Report report = RouteCheck.check(site(instance.depot()), sites, tours, unassigned,
                RouteCheck::euclidean, 1.0);
        List<String> problems = report.violations().stream().limit(5).toList();
        boolean feasible = report.feasible() && unassigned.isEmpty();
        return new Outcome(report.vehicles(), report.totalDistance(), feasible, unassigned.size(), seconds,
                problems.isEmpty() ? "" : problems.toString());
    }

    private static Site site(Customer c) {
        return new Site(c.number(), c.x(), c.y(), c.demand(), c.readyTime(), c.dueTime(), c.serviceTime());
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }
}
