package org.kontor.delivery.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.kontor.delivery.RoutingProperties;
import org.kontor.delivery.routing.RoutingResult;
import org.kontor.delivery.routing.RoutingSolver;
import org.kontor.masterdata.Customer;
import org.kontor.masterdata.Depot;
import org.kontor.masterdata.Product;
import org.kontor.masterdata.Vehicle;
import org.kontor.order.Order;
import org.kontor.order.OrderLine;
import org.kontor.order.OrderSource;
import org.kontor.order.OrderStatus;
import org.springframework.util.unit.DataSize;

/**
 * From orders and master data to a routing problem and back, with the real solver: weights, windows, the
 * reasons for unassigned orders, and the map picture and summary the dispatcher sees.
 */
class DeliveryProblemFactoryTest {

    private static final Depot DEPOT = new Depot("MAIN", "Depot", "Billbrookdeich 210", "Hamburg", bd(53.5300), bd(10.0900));
    private static final Product PAPER = new Product("OF-1001", "Copy paper", bd(4.95), bd(2.5), 0, 0, "A");
    private static final List<Vehicle> VANS = List.of(
            new Vehicle("VAN-1", bd(900), LocalTime.of(6, 0), LocalTime.of(14, 0), "MAIN"),
            new Vehicle("VAN-2", bd(900), LocalTime.of(6, 0), LocalTime.of(14, 0), "MAIN"));

    private final DeliveryProblemFactory factory = new DeliveryProblemFactory(
            new RoutingProperties(40, 1, 4, 10, 300, 1000, 500, DataSize.ofMegabytes(2)));

    @Test
    void ordersBecomeStopsWeighedByTheirLinesAndTimedByTheCustomersWindow() {
        Customer early = customer("C-1", 53.58, 10.04, LocalTime.of(8, 0), LocalTime.of(12, 0));
        Customer anyTime = customer("C-2", 53.48, 10.04, null, null);
        var built = build(List.of(order("o-1", "C-1", 10), order("o-2", "C-2", 4)), lookup(early, anyTime));

        assertThat(built.leftOut()).isEmpty();
        assertThat(built.problem().visits()).hasSize(2);
        var first = built.problem().visits().get(0);
        assertThat(first.demand()).isEqualTo(25.0);
        assertThat(first.readyTime()).isEqualTo(8 * 3600);
        assertThat(first.dueTime()).isEqualTo(12 * 3600);
        assertThat(first.serviceTime()).isEqualTo(600);
        assertThat(built.problem().visits().get(1).dueTime()).isEqualTo(24 * 3600);

        RoutingResult result = new RoutingSolver().solve(built.problem(), java.time.Duration.ofSeconds(1));
        List<DeliveryPlan.Route> routes = factory.routes(built, result);
        assertThat(routes).hasSize(1);
        DeliveryPlan.Stop stop = routes.get(0).stops().stream().filter(s -> s.orderId().equals("o-1")).findFirst().orElseThrow();
        assertThat(stop.customerName()).isEqualTo("Customer C-1");
        assertThat(stop.start()).isAfterOrEqualTo(LocalTime.of(8, 0));
        assertThat(stop.eta()).isBeforeOrEqualTo(LocalTime.of(12, 0));
        assertThat(factory.unassigned(built, result)).isEmpty();
    }

    @Test
    void everyUnassignedOrderSaysWhy() {
        Customer far = customer("C-FAR", 48.14, 11.58, LocalTime.of(6, 0), LocalTime.of(7, 0));
        Customer near = customer("C-NEAR", 53.55, 10.00, null, null);
        Customer nowhere = new Customer("C-NOWHERE", "No coordinates", "Street 1", "Hamburg", null, null, null, null, List.of());
        var built = build(List.of(order("heavy", "C-NEAR", 400), order("far", "C-FAR", 1), order("lost", "C-NOWHERE", 1),
                order("unknown", "C-404", 1)), lookup(far, near, nowhere));

        RoutingResult result = new RoutingSolver().solve(built.problem(), java.time.Duration.ofSeconds(1));
        Map<String, String> reasons = factory.unassigned(built, result).stream()
                .collect(java.util.stream.Collectors.toMap(DeliveryPlan.Unassigned::orderId, DeliveryPlan.Unassigned::reason));

        assertThat(reasons).containsOnlyKeys("heavy", "far", "lost", "unknown");
        assertThat(reasons.get("heavy")).contains("1000.0 kg").contains("largest vehicle takes 900 kg");
        assertThat(reasons.get("far")).contains("before its delivery window closes");
        assertThat(reasons.get("lost")).contains("no coordinates");
        assertThat(reasons.get("unknown")).contains("not in the master data");
    }

    @Test
    void mapShowsTheRoutesAndTheSummaryFitsAFormVariable() throws Exception {
        List<Customer> customers = new java.util.ArrayList<>();
        List<Order> orders = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            customers.add(customer("C-" + i, 53.45 + (i % 7) * 0.03, 9.85 + (i / 7) * 0.05, null, null));
            orders.add(order("order-" + i + "-0000-0000", "C-" + i, 20));
        }
        var built = build(orders, lookup(customers.toArray(Customer[]::new)));
        RoutingResult result = new RoutingSolver().solve(built.problem(), java.time.Duration.ofSeconds(1));
        DeliveryPlan plan = new DeliveryPlan("plan-1", LocalDate.of(2026, 11, 23), PlanStatus.PROPOSED, "dispatcher", null,
                1, List.of(), 1, orders.size(), result.feasible(), result.vehiclesUsed(), result.totalDistance(),
                factory.routes(built, result), factory.unassigned(built, result), null, null, null, null);

        BufferedImage map = ImageIO.read(new ByteArrayInputStream(new PlanMapRenderer().render(plan, DEPOT)));
        assertThat(map.getWidth()).isEqualTo(PlanMapRenderer.WIDTH);
        assertThat(map.getHeight()).isEqualTo(PlanMapRenderer.HEIGHT);
        // the first vehicle's colour is on the picture (its path and stops)
        assertThat(countPixels(map, 0x0072B2)).isGreaterThan(500);

        String summary = PlanSummary.markdown(plan);
        assertThat(summary.length()).isLessThanOrEqualTo(PlanSummary.MAX_LENGTH);
        assertThat(summary).contains("orders on").contains("VAN-");
    }

    private DeliveryProblemFactory.Built build(List<Order> orders, Function<String, Optional<Customer>> customers) {
        return factory.build("test", orders, customers, Map.of(PAPER.sku(), PAPER), VANS, List.of(DEPOT), 10);
    }

    private static Function<String, Optional<Customer>> lookup(Customer... customers) {
        return number -> java.util.Arrays.stream(customers).filter(c -> c.customerNumber().equals(number)).findFirst();
    }

    private static Customer customer(String number, double lat, double lon, LocalTime from, LocalTime to) {
        return new Customer(number, "Customer " + number, "Street 1", "Hamburg", bd(lat), bd(lon), from, to, List.of());
    }

    private static Order order(String id, String customer, int reams) {
        return new Order(id, customer, "PO-" + id, LocalDate.of(2026, 11, 20), null, null, null, OrderStatus.CONFIRMED,
                OrderSource.JSON, false, null, null, null, List.of(), "test",
                List.of(new OrderLine(1, PAPER.sku(), PAPER.name(), reams, PAPER.unitPrice(), reams)));
    }

    private static int countPixels(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    private static BigDecimal bd(double value) {
        return BigDecimal.valueOf(value);
    }
}
