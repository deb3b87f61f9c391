package org.kontor.delivery;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.LocalTime;
import java.util.List;

/**
 * A routing problem as JSON for {@code POST /api/deliveries/solve}: one depot, a fleet, the stops. Locations are
 * latitude/longitude in degrees; distances are great-circle km, travel time is distance / {@code speedKmh}
 * (default {@code kontor.routing.speed-kmh}); times of day are ISO local times ({@code "08:30"}).
 */
public record SolveRequest(
        @NotNull @Valid Depot depot,
        @Positive @DecimalMax("200") Double speedKmh,
        @NotEmpty List<@NotNull @Valid Vehicle> vehicles,
        @NotEmpty List<@NotNull @Valid Visit> visits) {

    public record Depot(
            String id,
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude) {
    }

    /** Leaves the depot at {@code shiftStart}, must be back by {@code shiftEnd}. */
    public record Vehicle(
            @NotBlank String id,
            @NotNull @Positive Double capacityKg,
            @NotNull LocalTime shiftStart,
            @NotNull LocalTime shiftEnd) {
    }

    /**
     * A stop. The vehicle may arrive before {@code windowStart} and wait; it must arrive by {@code windowEnd}.
     * Without a window any time in the shift will do.
     */
    public record Visit(
            @NotBlank String id,
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
            @NotNull @PositiveOrZero Double demandKg,
            LocalTime windowStart,
            LocalTime windowEnd,
            @PositiveOrZero @DecimalMax("1440") Double serviceMinutes) {
    }
}
