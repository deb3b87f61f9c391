package org.kontor.delivery.routing;

import java.util.ArrayList;
import java.util.List;
import org.kontor.delivery.routing.RoutingProblem.VehicleSpec;
import org.kontor.delivery.routing.RoutingProblem.VisitSpec;

/**
 * A VRPTW instance in the classic Solomon text format (also used by Gehring & Homberger): a name, the fleet
 * size and capacity, and a customer table whose customer 0 is the depot. Read with {@link #parse(String, int)}.
 */
public record SolomonInstance(String name, int vehicleCount, double capacity, Customer depot, List<Customer> customers) {

    public SolomonInstance {
        customers = List.copyOf(customers);
    }

    /** One row of the customer table; {@code number} is kept as written, it becomes the stop id. */
    public record Customer(String number, double x, double y, double demand, double readyTime, double dueTime,
            double serviceTime) {
    }

    /**
     * The routing problem by the published convention: Euclidean distances in double precision, travel time
     * equal to distance, every vehicle's shift the depot's window.
     */
    public RoutingProblem toProblem() {
        Location depotLocation = new Location(depot.x(), depot.y());
        List<VehicleSpec> vehicles = new ArrayList<>();
        for (int i = 1; i <= vehicleCount; i++) {
            vehicles.add(new VehicleSpec("V" + i, capacity, depotLocation, depot.readyTime(), depot.dueTime()));
        }
        List<VisitSpec> visits = customers.stream()
                .map(c -> new VisitSpec(c.number(), new Location(c.x(), c.y()), c.demand(), c.readyTime(), c.dueTime(),
                        c.serviceTime()))
                .toList();
        return new RoutingProblem(name, vehicles, visits, DistanceCalculator.EUCLIDEAN, 1.0);
    }

    /**
     * Reads the text format. Layout is matched by keywords, not by fixed columns, because the published files
     * differ in spacing and line endings.
     *
     * @param maxCustomers refuse instances with more customers than this (the distance matrix grows with the square)
     * @throws RoutingInputException naming the line and what is wrong with it
     */
    public static SolomonInstance parse(String text, int maxCustomers) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        int i = 0;
        while (i < lines.length && lines[i].isBlank()) {
            i++;
        }
        if (i == lines.length) {
            throw new RoutingInputException("The instance is empty: expected a name, a VEHICLE section and a CUSTOMER table.");
        }
        String name = lines[i].trim();
        if (name.toUpperCase().startsWith("VEHICLE")) {
            throw new RoutingInputException("Line " + (i + 1) + ": expected the instance name before the VEHICLE section.");
        }
        i = expectKeyword(lines, i + 1, "VEHICLE");
        i = expectKeyword(lines, i + 1, "NUMBER");
        int fleetLine = nextNonBlank(lines, i + 1, "the vehicle number and capacity");
        double[] fleet = numbers(lines[fleetLine], fleetLine, 2, "vehicle number and capacity");
        if (fleet[0] < 1 || fleet[0] != Math.rint(fleet[0]) || fleet[0] > 10_000) {
            throw new RoutingInputException("Line " + (fleetLine + 1) + ": the vehicle number must be a whole number from 1 to 10000, was "
                    + lines[fleetLine].trim().split("\\s+")[0] + ".");
        }
        if (!(fleet[1] > 0)) {
            throw new RoutingInputException("Line " + (fleetLine + 1) + ": the vehicle capacity must be positive.");
        }
        i = expectKeyword(lines, fleetLine + 1, "CUSTOMER");
        i = expectKeyword(lines, i + 1, "CUST");

        Customer depot = null;
        List<Customer> customers = new ArrayList<>();
        java.util.Set<String> numbersSeen = new java.util.HashSet<>();
        for (int line = i + 1; line < lines.length; line++) {
            if (lines[line].isBlank()) {
                continue;
            }
            double[] row = numbers(lines[line], line, 7,
                    "CUST NO., XCOORD., YCOORD., DEMAND, READY TIME, DUE DATE, SERVICE TIME");
            String where = "Line " + (line + 1) + ": ";
            if (row[0] < 0 || row[0] != Math.rint(row[0])) {
                throw new RoutingInputException(where + "the customer number must be a whole number of 0 or more.");
            }
            String number = Long.toString((long) row[0]);
            if (!numbersSeen.add(number)) {
                throw new RoutingInputException(where + "customer " + number + " appears twice.");
            }
            if (row[3] < 0 || row[6] < 0) {
                throw new RoutingInputException(where + "demand and service time must not be negative.");
            }
            if (row[4] > row[5]) {
                throw new RoutingInputException(where + "the ready time (" + fmt(row[4]) + ") is after the due date ("
                        + fmt(row[5]) + ").");
            }
            Customer customer = new Customer(number, row[1], row[2], row[3], row[4], row[5], row[6]);
            if (row[0] == 0) {
                depot = customer;
            } else {
                if (customers.size() == maxCustomers) {
                    throw new RoutingInputException(where + "more than " + maxCustomers
                            + " customers; split the instance or raise kontor.routing.max-visits.");
                }
                customers.add(customer);
            }
        }
        if (depot == null) {
            throw new RoutingInputException("The CUSTOMER table has no customer 0: customer 0 is the depot.");
        }
        if (customers.isEmpty()) {
            throw new RoutingInputException("The CUSTOMER table has no customers besides the depot (customer 0).");
        }
        return new SolomonInstance(name, (int) fleet[0], fleet[1], depot, customers);
    }

    private static int expectKeyword(String[] lines, int from, String keyword) {
        int line = nextNonBlank(lines, from, "a line starting with " + keyword);
        if (!lines[line].trim().toUpperCase().startsWith(keyword)) {
            throw new RoutingInputException("Line " + (line + 1) + ": expected a line starting with " + keyword + ", found '"
                    + abbreviate(lines[line].trim()) + "'.");
        }
        return line;
    }

    private static int nextNonBlank(String[] lines, int from, String expected) {
        for (int line = from; line < lines.length; line++) {
            if (!lines[line].isBlank()) {
                return line;
            }
        }
        throw new RoutingInputException("Line " + lines.length + ": the text ends where " + expected + " was expected.");
    }

    private static double[] numbers(String text, int line, int count, String what) {
        String[] fields = text.trim().split("\\s+");
        if (fields.length != count) {
            throw new RoutingInputException("Line " + (line + 1) + ": expected " + count + " numbers (" + what + "), found "
                    + fields.length + " fields in '" + abbreviate(text.trim()) + "'.");
        }
        double[] values = new double[count];
        for (int f = 0; f < count; f++) {
            try {
                values[f] = Double.parseDouble(fields[f]);
            } catch (NumberFormatException e) {
                values[f] = Double.NaN;
            }
            if (!Double.isFinite(values[f])) {
                throw new RoutingInputException("Line " + (line + 1) + ", field " + (f + 1) + ": '" + abbreviate(fields[f])
                        + "' is not a number (expected " + what + ").");
            }
        }
        return values;
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
