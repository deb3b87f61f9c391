package org.kontor.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kontor.inventory.InventoryService;
import org.kontor.inventory.UnknownSkuException;
import org.kontor.masterdata.Customer;
import org.kontor.masterdata.MasterDataService;
import org.kontor.platform.ProcessTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the order robots write: validation and reservation write only what changes (order intake's throughput),
 * which must not lose a duplicate, a fresh verdict or a reservation.
 */
@ProcessTest
class OrderServiceTest {

    @Autowired
    OrderService orders;

    @Autowired
    InventoryService inventory;

    @Autowired
    MasterDataService masterData;

    @Autowired
    JdbcClient jdbc;

    @Test
    void validationFillsInTheCustomersAddressAndKeepsTheLinesAsReceived() {
        Customer customer = masterData.customer("C-10003").orElseThrow();
        String orderId = receive(new OrderDraft("C-10003", null, po(), LocalDate.of(2026, 11, 20), null, null,
                new BigDecimal("37.80"), List.of(new OrderDraft.Line("OF-1010", "Ballpoint pen blue, box of 50", 2, new BigDecimal("18.90")))));
        List<OrderLine> received = orders.get(orderId).lines();

        OrderValidator.Validation validation = orders.validate(orderId, List.of());

        assertThat(validation.valid()).isTrue();
        Order order = orders.get(orderId);
        assertThat(order.deliveryAddress()).isEqualTo(customer.street() + ", " + customer.city());
        assertThat(order.lines()).isEqualTo(received);
        assertThat(order.reviewRequired()).isFalse();
        assertThat(order.problems()).isEmpty();
    }

    @Test
    void aPairThatValidationResolvesToOneAlreadyOrderedIsADuplicate() {
        String number = "NC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        String po = po();
        // received before the customer is in the master data: kept as written, lower case
        String second = receive(new OrderDraft(number.toLowerCase(Locale.ROOT), null, po, null, null, null, null,
                List.of(new OrderDraft.Line("OF-1010", null, 1, new BigDecimal("18.90")))));
        jdbc.sql("INSERT INTO customer (customer_number, name, street, city, latitude, longitude, created_at, updated_at) "
                        + "VALUES (:n, 'New customer', 'Weg 1', 'Hamburg', 53.5, 10.0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                .param("n", number).update();
        String first = receive(new OrderDraft(number, null, po, null, null, null, null,
                List.of(new OrderDraft.Line("OF-1010", null, 1, new BigDecimal("18.90")))));

        // validation resolves the second order's customer to the number the first already ordered this PO with
        OrderValidator.Validation validation = orders.validate(second, List.of());

        assertThat(validation.problems()).anySatisfy(p -> assertThat(p).contains("already ordered PO " + po)
                .contains(first));
        Order order = orders.get(second);
        assertThat(order.reviewRequired()).isTrue();
        assertThat(order.customerNumber()).isEqualTo(number.toLowerCase(Locale.ROOT));
        assertThat(order.problems()).isEqualTo(validation.problems());
        // the first keeps its pair and is valid
        assertThat(orders.validate(first, List.of()).valid()).isTrue();
    }

    @Test
    void aCorrectedOrderLosesTheProblemsOfItsLastValidation() {
        String orderId = receive(new OrderDraft("C-10001", null, po(), null, null, "Mönckebergstraße 7, Hamburg", null,
                List.of(new OrderDraft.Line("OF-9999", null, 1, new BigDecimal("1.00")))));
        assertThat(orders.validate(orderId, List.of()).valid()).isFalse();
        assertThat(orders.get(orderId).reviewRequired()).isTrue();

        Order inReview = orders.get(orderId);
        orders.applyReview(orderId, new OrderDraft(inReview.customerNumber(), null, inReview.poNumber(), null, null,
                inReview.deliveryAddress(), null, List.of(new OrderDraft.Line("OF-1010", null, 1, new BigDecimal("18.90")))),
                "clerk");
        assertThat(orders.validate(orderId, List.of()).valid()).isTrue();

        Order order = orders.get(orderId);
        assertThat(order.reviewRequired()).isFalse();
        assertThat(order.problems()).isEmpty();
        assertThat(order.lines()).extracting(OrderLine::sku).containsExactly("OF-1010");
    }

    @Test
    void aProductNeverStockedIsBackOrderedAndAnUnknownSkuRefused() {
        String sku = "NS-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("INSERT INTO product (sku, name, unit_price, weight_kg, reorder_point, reorder_quantity, abc_class, "
                        + "created_at, updated_at) VALUES (:sku, 'Never stocked', 1.00, 0.1, 0, 0, 'C', "
                        + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                .param("sku", sku).update();

        assertThat(inventory.reserve(sku, 3, "test")).isZero();
        assertThat(inventory.level(sku).onHand()).isZero();
        inventory.receive(sku, 5, "GR-test", "clerk");
        assertThat(inventory.reserve(sku, 3, "test")).isEqualTo(3);
        assertThat(inventory.reserve(sku, 3, "test")).isEqualTo(2);
        assertThat(inventory.level(sku).reserved()).isEqualTo(5);

        assertThatThrownBy(() -> inventory.reserve("NO-SUCH-SKU", 1, "test")).isInstanceOf(UnknownSkuException.class);
    }

    @Test
    void aCustomerComesWithItsAliases() {
        assertThat(masterData.customer("C-10001")).hasValueSatisfying(c -> {
            assertThat(c.name()).isEqualTo("Nordlicht Bürobedarf GmbH");
            assertThat(c.aliases()).containsExactly("Nordlicht");
        });
        assertThat(masterData.customer("C-99999")).isEmpty();
    }

    private String receive(OrderDraft draft) {
        OrderService.Received received = orders.receive(draft, OrderSource.JSON, null, "test");
        assertThat(received.created()).isTrue();
        return received.orderId();
    }

    private static String po() {
        return "PO-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
