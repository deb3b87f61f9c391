package org.kontor.delivery.planning;

import java.util.Locale;

/** The plan in words for the dispatcher's form (Markdown), short enough for a Camunda string variable. */
final class PlanSummary {

    /** Camunda keeps string variables in a 4,000-character column. */
    static final int MAX_LENGTH = 3800;

    private PlanSummary() {
    }

    static String markdown(DeliveryPlan plan) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "**%d orders on %d vehicles, %.1f km**%s%n%n", plan.orderCount(),
                plan.vehiclesUsed() == null ? 0 : plan.vehiclesUsed(),
                plan.totalDistanceKm() == null ? 0 : plan.totalDistanceKm(),
                Boolean.TRUE.equals(plan.feasible()) ? "" : " — not every order could be planned"));
        StringBuilder unassigned = new StringBuilder();
        if (plan.unassigned() != null && !plan.unassigned().isEmpty()) {
            unassigned.append(String.format(Locale.ROOT, "%n**Unassigned (%d)**%n%n", plan.unassigned().size()));
            for (DeliveryPlan.Unassigned u : plan.unassigned()) {
                unassigned.append("- ").append(u.customerName() == null ? u.customerNumber() : u.customerName())
                        .append(" (order ").append(u.orderId(), 0, 8).append("…): ").append(u.reason()).append('\n');
            }
        }
        for (DeliveryPlan.Route r : plan.routes()) {
            StringBuilder route = new StringBuilder(String.format(Locale.ROOT,
                    "**%s**: %s–%s, %.1f km, %.0f of %.0f kg%n%n", r.vehicleId(), r.departure(), r.returnTime(),
                    r.distanceKm(), r.loadKg(), r.capacityKg()));
            for (DeliveryPlan.Stop s : r.stops()) {
                route.append(String.format(Locale.ROOT, "%d. %s ETA %s, %s%s, %.1f kg%n", s.stopNo(), s.customerName(),
                        s.eta(), s.windowStart() == null ? "any time" : "window " + s.windowStart() + "–" + s.windowEnd(),
                        s.poNumber() == null ? "" : ", PO " + s.poNumber(), s.demandKg()));
            }
            route.append('\n');
            if (md.length() + route.length() + Math.min(unassigned.length(), 1000) > MAX_LENGTH) {
                md.append("… more routes: see the full plan.\n");
                break;
            }
            md.append(route);
        }
        md.append(unassigned);
        return md.length() <= MAX_LENGTH ? md.toString() : md.substring(0, MAX_LENGTH - 30) + "\n… see the full plan.";
    }
}
