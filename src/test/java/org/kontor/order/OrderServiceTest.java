package org.kontor.order;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kontor.masterdata.MasterDataService;
import org.kontor.platform.ProcessTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the order robots read and write: validation and reservation write only what changes (order intake's
 * throughput), which must not lose a duplicate, a fresh verdict or a reservation.
 */
@ProcessTest
class OrderServiceTest {

    @Autowired
    MasterDataService masterData;

    @Test
    void aCustomerComesWithItsAliases() {
        assertThat(masterData.customer("C-10001")).hasValueSatisfying(c -> {
            assertThat(c.name()).isEqualTo("Nordlicht Bürobedarf GmbH");
            assertThat(c.aliases()).containsExactly("Nordlicht");
        });
        assertThat(masterData.customer("C-99999")).isEmpty();
    }
}
