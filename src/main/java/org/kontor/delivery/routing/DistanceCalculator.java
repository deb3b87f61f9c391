package org.kontor.delivery.routing;

/**
 * Distance between two locations, in the unit the problem is priced in (km for real orders, instance units for
 * benchmarks). A road-distance provider plugs in here; the solver only ever reads the precomputed
 * {@link DistanceMatrix}, so a slow provider is asked once per pair, not once per move.
 */
@FunctionalInterface
public interface DistanceCalculator {

    double distance(Location from, Location to);

    /** Great-circle distance in km on latitude/longitude; a lower bound of the road distance. */
    DistanceCalculator HAVERSINE = (from, to) -> {
        double lat1 = Math.toRadians(from.x());
        double lat2 = Math.toRadians(to.x());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(to.y() - from.y());
        double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
    };

    /** Plane distance, the convention of the Solomon and Gehring–Homberger instances (double precision). */
    DistanceCalculator EUCLIDEAN = (from, to) -> Math.hypot(from.x() - to.x(), from.y() - to.y());
}
