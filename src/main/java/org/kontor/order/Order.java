package org.kontor.order;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** An order as Kontor keeps it. */
public record Order(
        String orderId,
        String customerNumber,
        String poNumber,
        LocalDate orderDate,
        LocalDate requestedDeliveryDate,
        String deliveryAddress,
        BigDecimal documentTotal,
        OrderStatus status,
        OrderSource source,
        boolean reviewRequired,
        String reviewedBy,
        String documentId,
        String processInstanceId,
        List<String> problems,
        String receivedBy,
        List<OrderLine> lines) {

    public BigDecimal lineSum() {
        BigDecimal sum = BigDecimal.ZERO;
        for (OrderLine line : lines) {
            if (line.amount() == null) {
                return null;
            }
            sum = sum.add(line.amount());
        }
        return sum;
    }
}
