package org.kontor.delivery.routing;

/**
 * A point a vehicle drives to. For real orders {@code x} is the latitude and {@code y} the longitude in degrees;
 * for benchmark instances they are plain plane coordinates. Which reading applies is the
 * {@link DistanceCalculator}'s business, so the solver never needs to know.
 */
public record Location(double x, double y) {

    public static Location ofLatLon(double latitude, double longitude) {
        return new Location(latitude, longitude);
    }
}
