package org.kontor.intake;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.kontor.document.Document;
import org.kontor.document.DocumentService;
import org.kontor.document.digitise.OcrPage;
import org.kontor.document.extract.ExtractedField;
import org.kontor.document.extract.ExtractedPurchaseOrder;
import org.kontor.document.extract.PurchaseOrderExtractor;
import org.kontor.order.CustomerMatcher;
import org.kontor.order.MasterDataVouching;
import org.kontor.order.OrderDraft;
import org.kontor.order.OrderSpreadsheetReader;
import org.kontor.order.SkuMatcher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Turns a purchase-order document into an order draft: OCR'd or text-layer pages through the extractor,
 * spreadsheets through the order-spreadsheet reader. Names the fields read with less than the configured
 * confidence, so that validation sends the order to a clerk instead of trusting them.
 */
@Component
class OrderExtraction {

    record Extracted(OrderDraft draft, List<String> unsureFields) {
    }

    private final DocumentService documents;
    private final PurchaseOrderExtractor extractor;
    private final OrderSpreadsheetReader spreadsheets;
    private final SkuMatcher skus;
    private final CustomerMatcher customers;
    private final ObjectMapper json;
    private final double threshold;

    OrderExtraction(DocumentService documents, PurchaseOrderExtractor extractor, OrderSpreadsheetReader spreadsheets,
            SkuMatcher skus, CustomerMatcher customers, ObjectMapper json,
            @Value("${kontor.extraction.confidence-threshold:0.9}") double threshold) {
        this.documents = documents;
        this.extractor = extractor;
        this.spreadsheets = spreadsheets;
        this.skus = skus;
        this.customers = customers;
        this.json = json;
        this.threshold = threshold;
    }

    Extracted extract(String documentId) {
        Document document = documents.get(documentId);
        if (document.contentType().isSpreadsheet()) {
            List<OrderDraft> drafts = spreadsheets.read(documents.original(document));
            if (drafts.isEmpty()) {
                return new Extracted(new OrderDraft(null, null, null, null, null, null, null, null), List.of("lines"));
            }
            // a sheet with several orders is one document: the first order is taken, a clerk sees the rest
            return new Extracted(drafts.get(0), drafts.size() > 1 ? List.of("lines (the sheet holds several orders)")
                    : List.of());
        }
        ExtractedPurchaseOrder po = extractor.extract(pages(documentId));
        documents.recordExtraction(documentId, null, confidenceJson(po));
        OrderDraft draft = new OrderDraft(po.customerNumber().value(), po.customerName().value(), po.poNumber().value(),
                po.orderDate().value(), po.requestedDeliveryDate().value(), po.deliveryAddress().value(),
                po.total().value(), po.lines().stream().map(l -> new OrderDraft.Line(l.sku().value(),
                        l.description().value(), l.quantity().value(), l.unitPrice().value())).toList());
        return new Extracted(draft, MasterDataVouching.unsureFields(po, threshold, skus, customers));
    }

    private List<OcrPage> pages(String documentId) {
        String pagesJson = documents.pagesJson(documentId).orElseThrow(() -> new IllegalStateException(
                "Document " + documentId + " has no digitised pages to read an order from."));
        try {
            return json.readValue(pagesJson, new TypeReference<List<OcrPage>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("The digitised pages of document " + documentId + " cannot be read", e);
        }
    }

    private String confidenceJson(ExtractedPurchaseOrder po) {
        ObjectNode confidence = json.createObjectNode();
        put(confidence, "poNumber", po.poNumber());
        put(confidence, "customerNumber", po.customerNumber().present() ? po.customerNumber() : po.customerName());
        put(confidence, "orderDate", po.orderDate());
        put(confidence, "requestedDeliveryDate", po.requestedDeliveryDate());
        put(confidence, "deliveryAddress", po.deliveryAddress());
        put(confidence, "total", po.total());
        confidence.put("lines", round(po.linesConfidence()));
        return confidence.toString();
    }

    private static void put(ObjectNode node, String name, ExtractedField<?> field) {
        node.put(name, round(field.confidence()));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
