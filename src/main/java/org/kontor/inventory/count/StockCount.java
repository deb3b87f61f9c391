package org.kontor.inventory.count;

import java.time.LocalDateTime;

/** One count: an uploaded sheet, a scanned sheet (document), or a cycle count. Its lines are {@link CountLine}s. */
public record StockCount(String countId, CountSource source, CountStatus status, String fileName, String contentType,
        LocalDateTime countedAt, String createdBy, String processInstanceId, int rowsRead, int problemCount,
        String decisionVersion, String reportFile, LocalDateTime createdAt, LocalDateTime updatedAt, String documentId) {
}
