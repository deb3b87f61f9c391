package org.kontor.inventory.count;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One SKU of a count. {@code expectedQuantity} is the book stock at {@code countedAt} (movements since are
 * allowed for), {@code variance} = counted - expected, {@code varianceValue} = variance x unit price.
 */
public record CountLine(String countId, int lineNo, String sku, String bins, Integer countedQuantity,
        LocalDateTime countedAt, int recounts, Integer expectedQuantity, Integer variance, BigDecimal unitPrice,
        BigDecimal varianceValue, String abcClass, String decision, String decisionReason, LineStatus status,
        String decidedBy, Integer postedQuantity, BigDecimal readingConfidence) {
}
