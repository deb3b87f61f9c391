package org.kontor.order;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kontor.document.content.ContentSniffer;
import org.kontor.document.content.ContentType;
import org.kontor.document.spreadsheet.Columns;
import org.kontor.document.spreadsheet.TableCursor;
import org.kontor.document.spreadsheet.TableReader;
import org.kontor.document.spreadsheet.RowValues;
import org.kontor.document.spreadsheet.TableRow;
import org.kontor.document.spreadsheet.MissingColumnsException;
import org.springframework.stereotype.Component;

/**
 * Reads order spreadsheets (CSV/XLSX/XLS): one row per order line, the order's header fields repeated on each
 * row; rows with the same customer and PO number make one order. Header names may be any of the synonyms
 * below, in any order and case.
 */
@Component
public class OrderSpreadsheetReader {

    static final String[] PO = {"po_number", "po", "po_no", "purchase_order", "purchase_order_no", "order_no", "order_number"};
    static final String[] CUSTOMER = {"customer_number", "customer_no", "customer", "cust_no", "account", "account_no"};
    static final String[] ORDER_DATE = {"order_date", "date", "dated"};
    static final String[] DELIVERY_DATE = {"requested_delivery_date", "requested_delivery", "delivery_date", "deliver_by",
            "required_by"};
    static final String[] ADDRESS = {"delivery_address", "ship_to", "deliver_to", "address"};
    static final String[] SKU = {"sku", "item", "item_no", "article_no", "article_number", "article", "product_code"};
    static final String[] DESCRIPTION = {"description", "item_description", "product", "name", "article_name"};
    static final String[] QUANTITY = {"quantity", "qty", "ordered_qty", "amount_ordered"};
    static final String[] PRICE = {"unit_price", "price", "unit_cost", "price_each"};
    static final String[] TOTAL = {"total", "order_total", "document_total"};

    private static final int MAX_ROWS = 10_000;

    private final ContentSniffer sniffer;
    private final TableReader tables;

    OrderSpreadsheetReader(ContentSniffer sniffer, TableReader tables) {
        this.sniffer = sniffer;
        this.tables = tables;
    }

    /** The orders in the file, in the order of their first row. */
    public List<OrderDraft> read(Path file) {
        ContentType type = sniffer.require(file, Set.of(ContentType.CSV, ContentType.XLSX, ContentType.XLS),
                "an order spreadsheet (CSV or XLSX)");
        Map<String, List<TableRow>> byOrder = new LinkedHashMap<>();
        Map<String, Integer> columns = new LinkedHashMap<>();
        try (TableCursor cursor = tables.open(file, type)) {
            Columns header = Columns.of(cursor.header());
            List<String> missing = new ArrayList<>();
            require(header, columns, missing, "po_number", PO);
            require(header, columns, missing, "customer_number", CUSTOMER);
            require(header, columns, missing, "sku", SKU);
            require(header, columns, missing, "quantity", QUANTITY);
            if (!missing.isEmpty()) {
                throw new MissingColumnsException(missing, List.of("po_number", "customer_number", "sku", "quantity",
                        "[unit_price]", "[description]", "[order_date]", "[requested_delivery_date]", "[delivery_address]",
                        "[total]"));
            }
            optional(header, columns, "order_date", ORDER_DATE);
            optional(header, columns, "requested_delivery_date", DELIVERY_DATE);
            optional(header, columns, "delivery_address", ADDRESS);
            optional(header, columns, "description", DESCRIPTION);
            optional(header, columns, "unit_price", PRICE);
            optional(header, columns, "total", TOTAL);
            int rows = 0;
            while (cursor.hasNext() && rows++ < MAX_ROWS) {
                TableRow row = cursor.next();
                String key = cell(row, columns, "customer_number") + "\u0000" + cell(row, columns, "po_number");
                byOrder.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
            }
        }
        List<OrderDraft> drafts = new ArrayList<>();
        for (List<TableRow> rows : byOrder.values()) {
            TableRow first = rows.get(0);
            List<OrderDraft.Line> lines = rows.stream().map(r -> new OrderDraft.Line(cell(r, columns, "sku"),
                    cell(r, columns, "description"), wholeNumber(cell(r, columns, "quantity")),
                    decimal(cell(r, columns, "unit_price")))).toList();
            OrderDraft draft = new OrderDraft(cell(first, columns, "customer_number"), null, cell(first, columns, "po_number"),
                    RowValues.parseIsoDate(cell(first, columns, "order_date")),
                    RowValues.parseIsoDate(cell(first, columns, "requested_delivery_date")),
                    cell(first, columns, "delivery_address"), decimal(cell(first, columns, "total")), lines);
            drafts.add(draft);
        }
        return drafts;
    }

    private static void require(Columns header, Map<String, Integer> columns, List<String> missing, String name,
            String... synonyms) {
        header.find(synonyms).ifPresentOrElse(i -> columns.put(name, i), () -> missing.add(name));
    }

    private static void optional(Columns header, Map<String, Integer> columns, String name, String... synonyms) {
        header.find(synonyms).ifPresent(i -> columns.put(name, i));
    }

    private static String cell(TableRow row, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        String value = index == null ? "" : row.cell(index).strip();
        return value.isEmpty() ? null : value;
    }

    private static Integer wholeNumber(String text) {
        BigDecimal value = decimal(text);
        if (value == null) {
            return null;
        }
        return value.stripTrailingZeros().scale() <= 0 ? value.intValue() : -1;
    }

    private static BigDecimal decimal(String text) {
        if (text == null) {
            return null;
        }
        return RowValues.parseDecimal(text);
    }
}
