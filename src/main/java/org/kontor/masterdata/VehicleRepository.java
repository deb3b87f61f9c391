package org.kontor.masterdata;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.kontor.platform.persistence.SqlParams;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class VehicleRepository {

    private static final String COLUMNS = "vehicle_id, capacity_kg, shift_start, shift_end, depot_code";

    private final JdbcClient jdbc;
    private final Clock clock;

    VehicleRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Upsert upsert(Vehicle v) {
        LocalDateTime now = LocalDateTime.now(clock);
        int changed = jdbc.sql("""
                        UPDATE vehicle SET capacity_kg = :capacityKg, shift_start = :shiftStart, shift_end = :shiftEnd,
                               depot_code = COALESCE(:depotCode, depot_code), updated_at = :now
                         WHERE vehicle_id = :vehicleId""")
                .paramSource(SqlParams.of(v, "now", now)).update();
        if (changed > 0) {
            return Upsert.UPDATED;
        }
        try {
            jdbc.sql("INSERT INTO vehicle (" + COLUMNS + ", created_at, updated_at) VALUES "
                            + "(:vehicleId, :capacityKg, :shiftStart, :shiftEnd, :depotCode, :now, :now)")
                    .paramSource(SqlParams.of(v, "now", now)).update();
            return Upsert.CREATED;
        } catch (DuplicateKeyException raced) {
            return upsert(v);
        }
    }

    List<Vehicle> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM vehicle ORDER BY vehicle_id").query(Vehicle.class).list();
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM vehicle").query(Long.class).single();
    }
}
