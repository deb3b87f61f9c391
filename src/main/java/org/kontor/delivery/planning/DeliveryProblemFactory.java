package org.kontor.delivery.planning;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kontor.delivery.RoutingProperties;
import org.kontor.delivery.routing.DistanceCalculator;
import org.kontor.delivery.routing.Location;
import org.kontor.delivery.routing.RoutingProblem;
import org.kontor.delivery.routing.RoutingProblem.VehicleSpec;
import org.kontor.delivery.routing.RoutingProblem.VisitSpec;
import org.kontor.delivery.routing.RoutingResult;
import org.kontor.masterdata.Customer;
import org.kontor.masterdata.Depot;
import org.kontor.masterdata.Product;
import org.kontor.masterdata.Vehicle;
import org.kontor.order.Order;
import org.kontor.order.OrderLine;
import org.springframework.stereotype.Component;

/**
 * Turns a day's confirmed orders and the fleet into a vehicle routing problem (stop = order at its customer's
 * coordinates, demand = weight of its lines, window = the customer's delivery window), and the solver's answer back
 * into routes and unassigned orders with a reason a dispatcher can act on. Orders the solver cannot even be asked
 * about (no coordinates, unknown customer) are unassigned before solving.
 */
@Component
public class DeliveryProblemFactory {

    private static final int SECONDS_PER_DAY = 24 * 3600;

    private final RoutingProperties routing;

    DeliveryProblemFactory(RoutingProperties routing) {
        this.routing = routing;
    }

    /** A stop as the plan knows it: its order, customer, weight and window. */
    public record OrderStop(Order order, Customer customer, double demandKg, LocalTime windowStart, LocalTime windowEnd) {
    }

    /** The problem, what each visit id stands for, and the orders left out before solving. */
    public record Built(RoutingProblem problem, Map<String, OrderStop> stops, Map<String, VehicleSpec> vehicles,
            List<DeliveryPlan.Unassigned> leftOut) {
    }

    public Built build(String name, List<Order> orders, Function<String, Optional<Customer>> customers,
            Map<String, Product> products, Collection<Vehicle> fleet, Collection<Depot> depots, int serviceMinutes) {
        Map<String, Depot> depotByCode = depots.stream().collect(Collectors.toMap(Depot::depotCode, d -> d, (a, b) -> a));
        Depot anyDepot = depots.stream().findFirst().orElse(null);
        Map<String, VehicleSpec> vehicles = new LinkedHashMap<>();
        for (Vehicle v : fleet) {
            Depot depot = v.depotCode() == null ? anyDepot : depotByCode.getOrDefault(v.depotCode(), anyDepot);
            if (depot == null || depot.latitude() == null || depot.longitude() == null) {
                continue;
            }
            vehicles.put(v.vehicleId(), new VehicleSpec(v.vehicleId(), v.capacityKg().doubleValue(),
                    Location.ofLatLon(depot.latitude().doubleValue(), depot.longitude().doubleValue()),
                    v.shiftStart().toSecondOfDay(), v.shiftEnd().toSecondOfDay()));
        }
        Map<String, OrderStop> stops = new LinkedHashMap<>();
        List<VisitSpec> visits = new ArrayList<>();
        List<DeliveryPlan.Unassigned> leftOut = new ArrayList<>();
        for (Order order : orders) {
            Customer customer = order.customerNumber() == null ? null : customers.apply(order.customerNumber()).orElse(null);
            double demand = demandKg(order, products);
            if (customer == null) {
                leftOut.add(new DeliveryPlan.Unassigned(order.orderId(), order.customerNumber(), null, null, null, demand,
                        "Customer " + order.customerNumber() + " is not in the master data, so there is no address to drive to."));
                continue;
            }
            if (customer.latitude() == null || customer.longitude() == null) {
                leftOut.add(new DeliveryPlan.Unassigned(order.orderId(), customer.customerNumber(), customer.name(), null,
                        null, demand, "Customer " + customer.customerNumber()
                        + " has no coordinates in the master data; add latitude and longitude to plan it."));
                continue;
            }
            boolean windowed = customer.deliveryWindowStart() != null && customer.deliveryWindowEnd() != null
                    && customer.deliveryWindowStart().isBefore(customer.deliveryWindowEnd());
            LocalTime from = windowed ? customer.deliveryWindowStart() : null;
            LocalTime to = windowed ? customer.deliveryWindowEnd() : null;
            OrderStop stop = new OrderStop(order, customer, demand, from, to);
            stops.put(order.orderId(), stop);
            visits.add(new VisitSpec(order.orderId(), location(customer), demand,
                    windowed ? from.toSecondOfDay() : 0, windowed ? to.toSecondOfDay() : SECONDS_PER_DAY,
                    serviceMinutes * 60.0));
        }
        RoutingProblem problem = new RoutingProblem(name, List.copyOf(vehicles.values()), visits,
                DistanceCalculator.HAVERSINE, 3600.0 / routing.speedKmh());
        return new Built(problem, stops, vehicles, leftOut);
    }

    /** The plan's routes with what a driver and a dispatcher need at each stop. */
    public List<DeliveryPlan.Route> routes(Built built, RoutingResult result) {
        List<DeliveryPlan.Route> routes = new ArrayList<>();
        for (RoutingResult.PlannedRoute route : result.routes()) {
            List<DeliveryPlan.Stop> stops = new ArrayList<>();
            int stopNo = 1;
            for (RoutingResult.PlannedStop planned : route.stops()) {
                OrderStop stop = built.stops().get(planned.visitId());
                Customer c = stop.customer();
                stops.add(new DeliveryPlan.Stop(stopNo++, stop.order().orderId(), stop.order().poNumber(),
                        c.customerNumber(), c.name(), address(stop), c.latitude().doubleValue(), c.longitude().doubleValue(),
                        stop.demandKg(), stop.windowStart(), stop.windowEnd(), time(planned.arrival()),
                        time(planned.start()), time(planned.departure())));
            }
            routes.add(new DeliveryPlan.Route(route.vehicleId(), built.vehicles().get(route.vehicleId()).capacity(),
                    round(route.distance()), round(route.load()), time(route.departure()), time(route.returnTime()), stops));
        }
        return routes;
    }

    /**
     * Every order the plan leaves out, with the first reason that applies: too heavy for any vehicle, a window no
     * vehicle can reach (or come back from) within its shift, else no room left on the fleet that day.
     */
    public List<DeliveryPlan.Unassigned> unassigned(Built built, RoutingResult result) {
        List<DeliveryPlan.Unassigned> unassigned = new ArrayList<>(built.leftOut());
        double demand = built.stops().values().stream().mapToDouble(OrderStop::demandKg).sum();
        double capacity = built.vehicles().values().stream().mapToDouble(VehicleSpec::capacity).sum();
        for (String visitId : result.unassigned()) {
            OrderStop stop = built.stops().get(visitId);
            Customer c = stop.customer();
            unassigned.add(new DeliveryPlan.Unassigned(visitId, c.customerNumber(), c.name(), c.latitude().doubleValue(),
                    c.longitude().doubleValue(), stop.demandKg(), reason(built, stop, demand, capacity)));
        }
        return unassigned;
    }

    private String reason(Built built, OrderStop stop, double totalDemand, double totalCapacity) {
        Collection<VehicleSpec> fleet = built.vehicles().values();
        if (fleet.isEmpty()) {
            return "No vehicle is available for the day.";
        }
        double largest = fleet.stream().mapToDouble(VehicleSpec::capacity).max().orElse(0);
        if (stop.demandKg() > largest) {
            return String.format(Locale.ROOT, "It weighs %.1f kg; the largest vehicle takes %.0f kg. Split the order "
                    + "or plan a larger vehicle.", stop.demandKg(), largest);
        }
        Location at = location(stop.customer());
        double ready = stop.windowStart() == null ? 0 : stop.windowStart().toSecondOfDay();
        double due = stop.windowEnd() == null ? SECONDS_PER_DAY : stop.windowEnd().toSecondOfDay();
        double service = built.problem().visits().stream().filter(v -> v.id().equals(stop.order().orderId()))
                .mapToDouble(VisitSpec::serviceTime).findFirst().orElse(0);
        boolean reachable = false;
        boolean backInTime = false;
        for (VehicleSpec v : fleet) {
            double drive = DistanceCalculator.HAVERSINE.distance(v.depot(), at) * built.problem().timePerDistance();
            double arrival = v.shiftStart() + drive;
            if (arrival <= due) {
                reachable = true;
                if (Math.max(arrival, ready) + service + drive <= v.shiftEnd()) {
                    backInTime = true;
                }
            }
        }
        String window = stop.windowStart() == null ? "" : " (window " + stop.windowStart() + "–" + stop.windowEnd() + ")";
        if (!reachable) {
            return "No vehicle can reach the customer before its delivery window closes" + window
                    + " when leaving the depot at the start of its shift.";
        }
        if (!backInTime) {
            return "No vehicle can serve the customer" + window + " and be back at the depot by the end of its shift.";
        }
        return String.format(Locale.ROOT, "No room left on the day's vehicles within their shifts and the customers' "
                + "windows (%.0f kg ordered for %.0f kg of capacity). Add a vehicle or move the order to another day.",
                totalDemand, totalCapacity);
    }

    /** Weight of the order's lines; a product without a weight in the master data counts as 0 kg. */
    static double demandKg(Order order, Map<String, Product> products) {
        double kg = 0;
        for (OrderLine line : order.lines()) {
            Product product = line.sku() == null ? null : products.get(line.sku());
            if (product != null && product.weightKg() != null && line.quantity() != null) {
                kg += product.weightKg().multiply(BigDecimal.valueOf(line.quantity())).doubleValue();
            }
        }
        return Math.round(kg * 1000) / 1000.0;
    }

    static String address(OrderStop stop) {
        if (stop.order().deliveryAddress() != null && !stop.order().deliveryAddress().isBlank()) {
            return stop.order().deliveryAddress();
        }
        return Objects.toString(stop.customer().street(), "") + ", " + Objects.toString(stop.customer().city(), "");
    }

    /** All SKUs of the orders, for one product lookup. */
    static List<String> skus(List<Order> orders) {
        return orders.stream().flatMap(o -> o.lines().stream()).map(OrderLine::sku).filter(Objects::nonNull).distinct()
                .toList();
    }

    private static Location location(Customer c) {
        return Location.ofLatLon(c.latitude().doubleValue(), c.longitude().doubleValue());
    }

    /** Seconds of the delivery day; a return after midnight is shown as 23:59:59 (shifts end within the day). */
    static LocalTime time(double secondsOfDay) {
        long s = Math.max(0, Math.min(SECONDS_PER_DAY - 1, Math.round(secondsOfDay)));
        return LocalTime.ofSecondOfDay(s);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
