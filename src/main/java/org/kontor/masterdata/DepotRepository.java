package org.kontor.masterdata;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.kontor.platform.persistence.SqlParams;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DepotRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    DepotRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void save(Depot d) {
        LocalDateTime now = LocalDateTime.now(clock);
        int changed = jdbc.sql("UPDATE depot SET name = :name, street = :street, city = :city, latitude = :latitude, "
                        + "longitude = :longitude, updated_at = :now WHERE depot_code = :depotCode")
                .paramSource(SqlParams.of(d, "now", now)).update();
        if (changed == 0) {
            jdbc.sql("INSERT INTO depot (depot_code, name, street, city, latitude, longitude, updated_at) VALUES "
                            + "(:depotCode, :name, :street, :city, :latitude, :longitude, :now)")
                    .paramSource(SqlParams.of(d, "now", now)).update();
        }
    }

    List<Depot> findAll() {
        return jdbc.sql("SELECT depot_code, name, street, city, latitude, longitude FROM depot ORDER BY depot_code")
                .query(Depot.class).list();
    }
}
