package org.kontor.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.kontor.intake.OrderIntakeService;
import org.kontor.inventory.InventoryService;
import org.kontor.masterdata.MasterDataService;
import org.kontor.order.OrderDraft;
import org.kontor.order.OrderService;
import org.kontor.order.OrderSource;
import org.kontor.order.OrderStatus;
import org.kontor.platform.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Process tests of the delivery processes: confirmed orders made the real way, through order intake. They order
 * SKUs no other process test counts or reserves (the engine and the stock are shared by all process tests).
 */
public abstract class DeliveryTestSupport extends ProcessTestSupport {

    @Autowired
    protected OrderIntakeService intake;

    @Autowired
    protected OrderService orders;

    @Autowired
    protected InventoryService inventory;

    @Autowired
    protected MasterDataService masterData;

    /** A CONFIRMED order (stock reserved) of {@code quantity} × {@code sku} for the customer, due on {@code due}. */
    protected String confirmedOrder(String customerNumber, LocalDate due, String sku, int quantity) {
        BigDecimal price = masterData.product(sku).orElseThrow().unitPrice();
        if (inventory.level(sku).available() < quantity) {
            inventory.receive(sku, quantity, "test stock", "test");
        }
        OrderDraft draft = new OrderDraft(customerNumber, null, "PO-" + UUID.randomUUID().toString().substring(0, 8),
                LocalDate.now(), due, null, price.multiply(BigDecimal.valueOf(quantity)),
                List.of(new OrderDraft.Line(sku, null, quantity, price)));
        OrderIntakeService.Intake received = intake.receive(draft, OrderSource.JSON, null, "integration");
        ProcessInstance instance = processEngine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(received.processInstanceId()).singleResult();
        runJobs(instance);
        assertThat(orders.get(received.orderId()).status()).isEqualTo(OrderStatus.CONFIRMED);
        return received.orderId();
    }
}
