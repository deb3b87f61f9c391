package org.kontor.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.delivery.routing.RouteCheck;
import org.kontor.delivery.routing.RouteCheck.Site;
import org.kontor.delivery.routing.RouteCheck.Tour;
import org.kontor.platform.KontorIntegrationTest;
import org.kontor.platform.RestClientSupport;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code POST /api/deliveries/solve} through the real server, on small generated problems; every answer is
 * re-checked from its stop order alone by {@link RouteCheck}.
 */
@KontorIntegrationTest
class DeliverySolveApiTest {

    private static final double DEPOT_LAT = 53.5511;
    private static final double DEPOT_LON = 9.9937;
    private static final double SPEED_KMH = 40;

    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    RestClientSupport rest;

    @BeforeEach
    void client() {
        rest = new RestClientSupport(port);
    }

    @Test
    void solvesAJsonProblemAndEveryRouteKeepsTheRules() throws Exception {
        ObjectNode problem = jsonProblem(14, 3, 400, 7);

        HttpResponse<String> response = rest.postJson("/api/deliveries/solve?timeLimitSeconds=2", "dispatcher",
                problem.toString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = json.readTree(response.body());
        assertThat(answer.get("feasible").asBoolean()).isTrue();
        assertThat(answer.get("unassigned")).isEmpty();
        assertThat(answer.get("vehiclesUsed").asInt()).isEqualTo(answer.get("routes").size()).isBetween(1, 3);
        RouteCheck.Report report = checkJson(problem, answer);
        assertThat(report.violations()).isEmpty();
        assertThat(answer.get("totalDistance").asDouble()).isCloseTo(report.totalDistance(), within(0.01));
        JsonNode firstStop = answer.get("routes").get(0).get("stops").get(0);
        assertThat(firstStop.get("arrival").asText()).matches("\\d\\d:\\d\\d:\\d\\d");
        // reported arrivals agree with the independent walk (answer times are rounded to the second)
        for (int r = 0; r < answer.get("routes").size(); r++) {
            JsonNode stops = answer.get("routes").get(r).get("stops");
            for (int s = 0; s < stops.size(); s++) {
                assertThat((double) LocalTime.parse(stops.get(s).get("arrival").asText()).toSecondOfDay())
                        .isCloseTo(report.arrivals().get(r).get(s), within(1.0));
            }
        }
    }

    @Test
    void moreDemandThanTheFleetCarriesIsAnsweredWithUnassignedStopsNotAnError() throws Exception {
        // two vans of 300 kg, ten stops of 100 kg: at most six can go
        ObjectNode problem = jsonProblem(10, 2, 300, 11);
        problem.withArray("visits").forEach(v -> ((ObjectNode) v).put("demandKg", 100));

        HttpResponse<String> response = rest.postJson("/api/deliveries/solve?timeLimitSeconds=2", "integration",
                problem.toString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = json.readTree(response.body());
        assertThat(answer.get("feasible").asBoolean()).isFalse();
        assertThat(answer.get("unassigned")).hasSize(4);
        assertThat(checkJson(problem, answer).violations()).isEmpty();
    }

    @Test
    void solvesASolomonInstanceSentAsText() throws Exception {
        Random random = new Random(3);
        StringBuilder text = new StringBuilder("""
                GEN12

                VEHICLE
                NUMBER     CAPACITY
                  5         60

                CUSTOMER
                CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME

                    0      50         50          0          0        400          0
                """);
        Map<String, Site> sites = new LinkedHashMap<>();
        for (int c = 1; c <= 12; c++) {
            int x = random.nextInt(101);
            int y = random.nextInt(101);
            int demand = 5 + random.nextInt(16);
            int ready = random.nextInt(150);
            int due = ready + 120;
            text.append(String.format(Locale.ROOT, "%5d %7d %10d %10d %10d %10d %10d%n", c, x, y, demand, ready, due, 10));
            sites.put(Integer.toString(c), new Site(Integer.toString(c), x, y, demand, ready, due, 10));
        }

        HttpResponse<String> response = postText("/api/deliveries/solve?timeLimitSeconds=2", "designer",
                text.toString().replace("\n", "\r\n"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = json.readTree(response.body());
        assertThat(answer.get("feasible").asBoolean()).isTrue();
        List<Tour> tours = new ArrayList<>();
        for (JsonNode route : answer.get("routes")) {
            List<String> stops = new ArrayList<>();
            route.get("stops").forEach(s -> stops.add(s.get("id").asText()));
            tours.add(new Tour(route.get("vehicleId").asText(), 60, 0, 400, stops));
            assertThat(route.get("stops").get(0).get("arrival").isNumber()).isTrue();
        }
        RouteCheck.Report report = RouteCheck.check(new Site("0", 50, 50, 0, 0, 400, 0), sites, tours, List.of(),
                RouteCheck::euclidean, 1.0);
        assertThat(report.violations()).isEmpty();
        assertThat(answer.get("totalDistance").asDouble()).isCloseTo(report.totalDistance(), within(0.01));
        assertThat(answer.get("vehiclesUsed").asInt()).isEqualTo(report.vehicles());
    }

    @Test
    void badInputIsExplained() throws Exception {
        HttpResponse<String> limit = rest.postJson("/api/deliveries/solve?timeLimitSeconds=0", "dispatcher",
                jsonProblem(3, 1, 100, 1).toString());
        assertProblem(limit, 400, "timeLimitSeconds must be between 1 and 300");

        HttpResponse<String> tooLong = rest.postJson("/api/deliveries/solve?timeLimitSeconds=301", "dispatcher",
                jsonProblem(3, 1, 100, 1).toString());
        assertProblem(tooLong, 400, "timeLimitSeconds");

        ObjectNode noVehicles = jsonProblem(3, 1, 100, 1);
        noVehicles.putArray("vehicles");
        assertProblem(rest.postJson("/api/deliveries/solve", "dispatcher", noVehicles.toString()), 400, "vehicles");

        ObjectNode duplicate = jsonProblem(3, 1, 100, 1);
        ((ObjectNode) duplicate.withArray("visits").get(1)).put("id", "S1");
        assertProblem(rest.postJson("/api/deliveries/solve", "dispatcher", duplicate.toString()), 400,
                "visits[1].id 'S1' is used twice");

        ObjectNode window = jsonProblem(3, 1, 100, 1);
        ((ObjectNode) window.withArray("visits").get(0)).put("windowStart", "15:00").put("windowEnd", "14:00");
        assertProblem(rest.postJson("/api/deliveries/solve", "dispatcher", window.toString()), 400, "windowStart");

        ObjectNode latitude = jsonProblem(3, 1, 100, 1);
        ((ObjectNode) latitude.withArray("visits").get(2)).put("latitude", 123.0);
        assertProblem(rest.postJson("/api/deliveries/solve", "dispatcher", latitude.toString()), 400, "visits[2].latitude");

        String solomon = "BROKEN\n\nVEHICLE\nNUMBER CAPACITY\n 2 50\n\nCUSTOMER\nCUST NO. X Y D R D S\n"
                + " 0 0 0 0 0 100 0\n 1 5 5 ten 0 50 0\n";
        assertProblem(postText("/api/deliveries/solve?timeLimitSeconds=1", "dispatcher", solomon), 400, "Line 10");
        assertProblem(postText("/api/deliveries/solve", "dispatcher", "hello"), 400, "VEHICLE");
    }

    @Test
    void readersMayNotSolve() {
        HttpResponse<String> response = rest.postJson("/api/deliveries/solve?timeLimitSeconds=1", "auditor",
                jsonProblem(3, 1, 100, 1).toString());
        assertThat(response.statusCode()).isEqualTo(403);
    }

    private void assertProblem(HttpResponse<String> response, int status, String detailContains) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
        assertThat(json.readTree(response.body()).get("detail").asText()).contains(detailContains);
    }

    private HttpResponse<String> postText(String path, String user, String text) {
        return rest.send(rest.request(path, user).header("Content-Type", "text/plain; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(text)).build());
    }

    /** Stops within ~6 km of a Hamburg depot, windows of two to four hours during an 07:00–17:00 shift. */
    private ObjectNode jsonProblem(int visits, int vehicles, double capacityKg, long seed) {
        Random random = new Random(seed);
        ObjectNode problem = json.createObjectNode();
        problem.putObject("depot").put("id", "HH").put("latitude", DEPOT_LAT).put("longitude", DEPOT_LON);
        problem.put("speedKmh", SPEED_KMH);
        ArrayNode fleet = problem.putArray("vehicles");
        for (int i = 1; i <= vehicles; i++) {
            fleet.addObject().put("id", "VAN-" + i).put("capacityKg", capacityKg).put("shiftStart", "07:00")
                    .put("shiftEnd", "17:00");
        }
        ArrayNode stops = problem.putArray("visits");
        for (int i = 1; i <= visits; i++) {
            int from = 8 + random.nextInt(5);
            stops.addObject().put("id", "S" + i)
                    .put("latitude", DEPOT_LAT + (random.nextDouble() - 0.5) * 0.1)
                    .put("longitude", DEPOT_LON + (random.nextDouble() - 0.5) * 0.16)
                    .put("demandKg", 10 + random.nextInt(60))
                    .put("windowStart", String.format(Locale.ROOT, "%02d:00", from))
                    .put("windowEnd", String.format(Locale.ROOT, "%02d:00", from + 2 + random.nextInt(3)))
                    .put("serviceMinutes", 10);
        }
        return problem;
    }

    /** Re-walks the answer on the request's data: great-circle km, seconds of the day. */
    private RouteCheck.Report checkJson(ObjectNode problem, JsonNode answer) {
        ToDoubleFunction<String> seconds = t -> LocalTime.parse(t).toSecondOfDay();
        Map<String, Site> sites = new LinkedHashMap<>();
        for (JsonNode v : problem.get("visits")) {
            sites.put(v.get("id").asText(), new Site(v.get("id").asText(), v.get("latitude").asDouble(),
                    v.get("longitude").asDouble(), v.get("demandKg").asDouble(),
                    seconds.applyAsDouble(v.get("windowStart").asText()), seconds.applyAsDouble(v.get("windowEnd").asText()),
                    v.get("serviceMinutes").asDouble() * 60));
        }
        Map<String, JsonNode> vehicles = new LinkedHashMap<>();
        problem.get("vehicles").forEach(v -> vehicles.put(v.get("id").asText(), v));
        List<Tour> tours = new ArrayList<>();
        for (JsonNode route : answer.get("routes")) {
            JsonNode vehicle = vehicles.get(route.get("vehicleId").asText());
            List<String> stops = new ArrayList<>();
            route.get("stops").forEach(s -> stops.add(s.get("id").asText()));
            tours.add(new Tour(vehicle.get("id").asText(), vehicle.get("capacityKg").asDouble(),
                    seconds.applyAsDouble(vehicle.get("shiftStart").asText()),
                    seconds.applyAsDouble(vehicle.get("shiftEnd").asText()), stops));
        }
        List<String> unassigned = new ArrayList<>();
        answer.get("unassigned").forEach(u -> unassigned.add(u.asText()));
        Site depot = new Site("HH", DEPOT_LAT, DEPOT_LON, 0, 0, 86400, 0);
        return RouteCheck.check(depot, sites, tours, unassigned, RouteCheck::haversineKm, 3600 / SPEED_KMH);
    }
}
