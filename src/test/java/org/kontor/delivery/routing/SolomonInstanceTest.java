package org.kontor.delivery.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SolomonInstanceTest {

    static final String TINY = """
            TINY1

            VEHICLE
            NUMBER     CAPACITY
              3          50

            CUSTOMER
            CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME

                0      10         10          0          0        200          0
                1      13         14         20          0        100         10
                2       4          2         30         20         60          5
            """.replace("\n", "\r\n");

    @Test
    void readsNameFleetDepotAndCustomers() {
        SolomonInstance instance = SolomonInstance.parse(TINY, 100);
        assertThat(instance.name()).isEqualTo("TINY1");
        assertThat(instance.vehicleCount()).isEqualTo(3);
        assertThat(instance.capacity()).isEqualTo(50);
        assertThat(instance.depot().dueTime()).isEqualTo(200);
        assertThat(instance.customers()).extracting(SolomonInstance.Customer::number).containsExactly("1", "2");
        RoutingProblem problem = instance.toProblem();
        assertThat(problem.vehicles()).hasSize(3).allSatisfy(v -> {
            assertThat(v.shiftStart()).isZero();
            assertThat(v.shiftEnd()).isEqualTo(200);
        });
        assertThat(problem.distanceCalculator().distance(new Location(10, 10), new Location(13, 14))).isEqualTo(5.0);
    }

    @Test
    void badLinesAreNamedByNumber() {
        assertThatThrownBy(() -> SolomonInstance.parse(TINY.replace("   30         20", "   3O         20"), 100))
                .isInstanceOf(RoutingInputException.class).hasMessageContaining("Line 12").hasMessageContaining("'3O'");
        assertThatThrownBy(() -> SolomonInstance.parse(TINY.replace("  3          50", "  3"), 100))
                .hasMessageContaining("Line 5").hasMessageContaining("vehicle number and capacity");
        assertThatThrownBy(() -> SolomonInstance.parse(TINY.replace("CUSTOMER\r\n", ""), 100))
                .hasMessageContaining("expected a line starting with CUSTOMER");
        assertThatThrownBy(() -> SolomonInstance.parse(TINY.replace("    0      10         10", "    7      10         10"), 100))
                .hasMessageContaining("no customer 0");
        assertThatThrownBy(() -> SolomonInstance.parse(TINY.replace("20         60", "70         60"), 100))
                .hasMessageContaining("Line 12").hasMessageContaining("ready time (70) is after the due date (60)");
        assertThatThrownBy(() -> SolomonInstance.parse(TINY, 1)).hasMessageContaining("more than 1 customers");
        assertThatThrownBy(() -> SolomonInstance.parse("  \n", 1)).hasMessageContaining("empty");
    }
}
