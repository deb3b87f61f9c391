package org.kontor.masterdata;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;

/** A customer with its delivery address, location and, optionally, the window in which it takes deliveries. */
public record Customer(
        String customerNumber,
        String name,
        String street,
        String city,
        BigDecimal latitude,
        BigDecimal longitude,
        LocalTime deliveryWindowStart,
        LocalTime deliveryWindowEnd,
        List<String> aliases) {
}
