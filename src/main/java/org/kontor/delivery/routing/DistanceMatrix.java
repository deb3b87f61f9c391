package org.kontor.delivery.routing;

import java.util.List;

/**
 * Distances and travel times between all locations of one problem, computed once before solving: score
 * calculation reads them millions of times per second.
 */
public final class DistanceMatrix {

    /** Distances enter the score as long integers in thousandths of the distance unit (metres for km). */
    public static final double SCALE = 1000.0;

    private final double[][] distance;
    private final double[][] time;
    private final long[][] scaled;

    public DistanceMatrix(double[][] distance, double[][] time) {
        int n = distance.length;
        if (time.length != n) {
            throw new IllegalArgumentException("distance and time matrices differ in size");
        }
        this.distance = distance;
        this.time = time;
        this.scaled = new long[n][n];
        for (int i = 0; i < n; i++) {
            if (distance[i].length != n || time[i].length != n) {
                throw new IllegalArgumentException("matrices must be square");
            }
            for (int j = 0; j < n; j++) {
                scaled[i][j] = Math.round(distance[i][j] * SCALE);
            }
        }
    }

    /**
     * @param timePerDistance time units per distance unit: 1 for Solomon instances (travel time = distance),
     *                        3600 / speed for km and seconds.
     */
    public static DistanceMatrix of(List<Location> locations, DistanceCalculator calculator, double timePerDistance) {
        int n = locations.size();
        double[][] distance = new double[n][n];
        double[][] time = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double d = i == j ? 0 : calculator.distance(locations.get(i), locations.get(j));
                distance[i][j] = d;
                time[i][j] = d * timePerDistance;
            }
        }
        return new DistanceMatrix(distance, time);
    }

    public int size() {
        return distance.length;
    }

    public double distance(int from, int to) {
        return distance[from][to];
    }

    public double travelTime(int from, int to) {
        return time[from][to];
    }

    public long scaledDistance(int from, int to) {
        return scaled[from][to];
    }
}
