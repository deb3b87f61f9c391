package org.kontor.document.corpus;

import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.kontor.document.DocumentType;
import org.kontor.masterdata.Customer;
import org.kontor.masterdata.DemoMasterData;
import org.kontor.masterdata.Product;

/**
 * Purchase orders from the demo customers for demo products, with their ground truth, laid out in numbered
 * layout families and printed by {@link DocumentRenderer} as 300 dpi scans. Families {@code 0..DEV_FAMILIES-1}
 * with the development wording are for building and tuning the extractor; families from {@code DEV_FAMILIES} on
 * use traits and label wordings the development families never use, and are only for the final report.
 *
 * <p>Some orders are hard on purpose: the customer only by name or alias, every date format, ambiguous slash
 * dates, SKUs printed without their hyphen, wrapped descriptions, comma decimals.
 */
public final class PurchaseOrderCorpus {

    public static final int DEV_FAMILIES = 10;
    public static final int HELD_OUT_FAMILIES = 6;

    public record Line(String sku, String printedSku, String description, int quantity, BigDecimal unitPrice,
            BigDecimal amount) {
    }

    public record Truth(String poNumber, String customerNumber, String customerName, boolean customerNumberPrinted,
            LocalDate orderDate, LocalDate requestedDeliveryDate, String deliveryAddress, BigDecimal total,
            List<Line> lines, String dateFormat) {
    }

    public record Sample(String id, int family, boolean heldOut, GeneratedDocument document, RenderStyle style,
            Truth truth) {
    }

    enum HeaderStyle { COLON, PADDED, TWO_COLUMN, LABEL_ROW, ABOVE, COLON_RIGHT }

    enum Col { SKU, DESC, QTY, PRICE, AMOUNT }

    /** Per-family traits; drawn from the family number so a family always looks the same. */
    record Family(int index, boolean heldOut, HeaderStyle header, List<Col> columns, boolean letterheadFirst,
            boolean buyerLabel, boolean partiesSideBySide, int titleAlign, boolean upper, char rule, int totals,
            boolean wraps) {

        static Family of(int index) {
            boolean heldOut = index >= DEV_FAMILIES;
            // mixed, because java.util.Random's first draws from neighbouring seeds are alike
            Random r = new Random(CorpusGenerator.mix(0x504FL, index));
            HeaderStyle[] devStyles = {HeaderStyle.COLON, HeaderStyle.PADDED, HeaderStyle.TWO_COLUMN, HeaderStyle.LABEL_ROW,
                HeaderStyle.COLON_RIGHT};
            // labels above their values, and the right-hand meta block in padded form, only in held-out families
            HeaderStyle header = heldOut && index % 3 == 0 ? HeaderStyle.ABOVE
                    : heldOut ? HeaderStyle.values()[r.nextInt(HeaderStyle.values().length)]
                    : devStyles[index % devStyles.length];
            List<Col> cols = new ArrayList<>(List.of(Col.SKU, Col.DESC, Col.QTY, Col.PRICE, Col.AMOUNT));
            if (r.nextInt(4) == 0) {
                cols.remove(Col.DESC);
            }
            List<Col> rest = new ArrayList<>(cols.subList(1, cols.size()));
            Collections.shuffle(rest, r);
            List<Col> ordered = new ArrayList<>();
            if (heldOut && r.nextBoolean()) {
                // SKU not first: only unseen layouts do that
                ordered.addAll(rest);
                ordered.add(Math.min(rest.size(), 1 + r.nextInt(2)), Col.SKU);
            } else {
                ordered.add(Col.SKU);
                ordered.addAll(rest);
            }
            return new Family(index, heldOut, header, List.copyOf(ordered), r.nextBoolean(), r.nextInt(3) > 0,
                    r.nextBoolean(), r.nextInt(3), r.nextInt(4) == 0, "-=_ ".charAt(r.nextInt(4)), r.nextInt(3),
                    r.nextBoolean());
        }
    }

    private static final String[][] DEV_WORDING = {
        {"PO Number", "PO No.", "Order No.", "PO #"},
        {"Customer No.", "Account No.", "Customer number"},
        {"Order Date", "Date"},
        {"Requested Delivery", "Delivery Date"},
        {"Bill to", "Buyer"},
        {"Ship to", "Delivery address"},
        {"Supplier", "Vendor"},
        {"SKU", "Item No.", "Product code"},
        {"Description", "Product"},
        {"Qty", "Quantity"},
        {"Unit Price", "Price"},
        {"Amount", "Line Total"},
        {"Total", "Order Total"},
    };
    private static final String[][] HELD_OUT_WORDING = {
        {"Purchase Order No.", "Order number", "Our order", "P.O. Number"},
        {"Cust. No.", "Account", "Client No."},
        {"Dated", "PO Date"},
        {"Deliver by", "Required by"},
        {"From", "Sold to"},
        {"Deliver to", "Consignee"},
        {"To", "Supplied by"},
        {"Article No.", "Item", "Code"},
        {"Item description", "Particulars"},
        {"Ordered", "Units"},
        {"Unit cost", "Price each"},
        {"Total", "Ext. price"},
        {"Grand total", "Amount due"},
    };
    private static final int PO = 0, CUST = 1, ODATE = 2, DDATE = 3, BUYER = 4, SHIP = 5, SUPPLIER = 6, H_SKU = 7,
            H_DESC = 8, H_QTY = 9, H_PRICE = 10, H_AMOUNT = 11, TOTAL = 12;

    private static final List<String> DATE_FORMATS = List.of("yyyy-MM-dd", "dd.MM.yyyy", "d MMM yyyy", "d MMMM yyyy",
            "MMM d, yyyy", "MM/dd/yyyy", "dd/MM/yyyy");
    private static final List<String> PHRASES = List.of("Please supply the following items.",
            "Please deliver to the address above and quote our order number on the delivery note.",
            "Terms: 30 days net.", "Partial deliveries only after approval.", "Authorised by: Anna Schmidt, Purchasing",
            "Goods to be delivered during our opening hours.");

    private final long seed;
    private final DemoMasterData masterData;
    private final List<String> devFonts;
    private final List<String> heldOutFonts;
    private final DocumentRenderer renderer = new DocumentRenderer();

    public PurchaseOrderCorpus(long seed, DemoMasterData masterData) {
        this.seed = seed;
        this.masterData = masterData;
        FontCatalog fonts = FontCatalog.installed();
        this.devFonts = fonts.forSplit(CorpusSplit.TRAIN, 0.3);
        this.heldOutFonts = fonts.forSplit(CorpusSplit.HELD_OUT, 0.3);
    }

    public List<Sample> samples(boolean heldOut, int count) {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(sample(heldOut, i));
        }
        return out;
    }

    public Sample sample(boolean heldOut, int index) {
        Random r = new Random(CorpusGenerator.mix(seed, heldOut ? 1 : 0, index));
        int family = heldOut ? DEV_FAMILIES + r.nextInt(HELD_OUT_FAMILIES) : r.nextInt(DEV_FAMILIES);
        return sample(family, r, (heldOut ? "po-held-" : "po-dev-") + index);
    }

    /** A sample of a given family (tests pick layouts on purpose). */
    public Sample sample(int family, long sampleSeed) {
        return sample(family, new Random(CorpusGenerator.mix(seed, 7, family, sampleSeed)), "po-f" + family + "-" + sampleSeed);
    }

    /** The same order printed differently (tests choose clean or ruined scans). */
    public static Sample withStyle(Sample sample, RenderStyle style) {
        return new Sample(sample.id(), sample.family(), sample.heldOut(), sample.document(), style, sample.truth());
    }

    /**
     * Identifies what a sample looks like on paper, for caching its OCR. From the printed text, not from hash codes:
     * an enum's hash code (the line styles) differs from one JVM to the next, and the cache would never be hit.
     */
    public static String fingerprint(Sample sample) {
        return sample.id() + "-" + Integer.toHexString((sample.document().lines() + "|" + sample.style()).hashCode());
    }

    public BufferedImage render(Sample sample) {
        return renderer.render(sample.document(), sample.style());
    }

    private Sample sample(int familyIndex, Random r, String id) {
        Family f = Family.of(familyIndex);
        String[][] words = f.heldOut() ? HELD_OUT_WORDING : DEV_WORDING;
        Truth truth = truth(r);
        DateTimeFormatter dates = DateTimeFormatter.ofPattern(truth.dateFormat(), Locale.ENGLISH);
        Customer customer = masterData.customers().stream()
                .filter(c -> c.customerNumber().equals(truth.customerNumber())).findFirst().orElseThrow();
        String money = moneyStyle(r);

        List<TextLine> lines = new ArrayList<>();
        String buyer = truth.customerName();
        if (f.letterheadFirst()) {
            lines.add(TextLine.of(buyer, LineStyle.HEADING));
            lines.add(TextLine.of(customer.street() + ", " + customer.city() + "  Tel. +49 40 " + (300000 + r.nextInt(600000)),
                    LineStyle.SMALL));
            lines.add(TextLine.blank());
            lines.add(title(f, r));
        } else {
            lines.add(title(f, r));
            lines.add(TextLine.blank());
            lines.add(TextLine.of(buyer, LineStyle.HEADING));
        }
        lines.add(TextLine.blank());

        List<String[]> fields = new ArrayList<>();
        fields.add(new String[] {label(f, words, PO, r), truth.poNumber()});
        if (truth.customerNumberPrinted()) {
            fields.add(new String[] {label(f, words, CUST, r), truth.customerNumber()});
        }
        fields.add(new String[] {label(f, words, ODATE, r), dates.format(truth.orderDate())});
        if (truth.requestedDeliveryDate() != null) {
            fields.add(new String[] {label(f, words, DDATE, r), dates.format(truth.requestedDeliveryDate())});
        }
        header(lines, f, fields);
        lines.add(TextLine.blank());

        List<String> supplier = List.of(label(f, words, SUPPLIER, r) + ":", "Kontor Supplies GmbH", "Billbrookdeich 210",
                "22113 Hamburg");
        List<String> buyerBlock = f.buyerLabel() ? List.of(label(f, words, BUYER, r) + ":", buyer, customer.street(),
                customer.city()) : supplier;
        List<String> ship = List.of(label(f, words, SHIP, r) + ":", r.nextBoolean() ? buyer : "Goods receiving",
                customer.street(), customer.city());
        if (f.partiesSideBySide()) {
            side(lines, buyerBlock, ship);
        } else {
            block(lines, buyerBlock);
            block(lines, ship);
        }
        if (f.buyerLabel() && r.nextBoolean()) {
            block(lines, supplier);
        }
        lines.add(TextLine.of(PHRASES.get(r.nextInt(2)), LineStyle.NORMAL));
        lines.add(TextLine.blank());

        table(lines, f, words, truth, money, r);
        totals(lines, f, words, truth, money, r);
        lines.add(TextLine.blank());
        lines.add(TextLine.of(PHRASES.get(2 + r.nextInt(PHRASES.size() - 2)), LineStyle.NORMAL));

        List<String> fonts = f.heldOut() ? heldOutFonts : devFonts;
        RenderStyle style = new RenderStyle(fonts.get(r.nextInt(fonts.size())), 9f + r.nextInt(4), 300,
                (r.nextDouble() * 2 - 1) * 2.0, r.nextInt(10) < 7 ? 0 : 1, r.nextDouble() * 0.006,
                0.7 + r.nextDouble() * 0.3);
        long docSeed = r.nextLong();
        GeneratedDocument doc = new GeneratedDocument(id, DocumentType.PURCHASE_ORDER, "purchase-order", "PO" + familyIndex,
                f.header().name().toLowerCase(Locale.ROOT), f.heldOut() ? CorpusSplit.HELD_OUT : CorpusSplit.TRAIN, docSeed,
                lines);
        return new Sample(id, familyIndex, f.heldOut(), doc, style, truth);
    }

    private Truth truth(Random r) {
        List<Customer> customers = masterData.customers();
        Customer c = customers.get(r.nextInt(customers.size()));
        boolean numberPrinted = r.nextDouble() < 0.7;
        String name = !numberPrinted && !c.aliases().isEmpty() && r.nextBoolean() ? c.aliases().get(0) : c.name();
        String po = switch (r.nextInt(4)) {
            case 0 -> "PO-" + (2025 + r.nextInt(2)) + "-" + String.format(Locale.ROOT, "%05d", r.nextInt(100000));
            case 1 -> String.valueOf(4500000000L + r.nextInt(999999));
            case 2 -> "PO" + (100000 + r.nextInt(900000));
            default -> "ORD-" + (10000 + r.nextInt(90000));
        };
        LocalDate orderDate = LocalDate.of(2025, 1, 1).plusDays(r.nextInt(540));
        LocalDate delivery = r.nextDouble() < 0.75 ? orderDate.plusDays(3 + r.nextInt(25)) : null;
        List<Product> products = new ArrayList<>(masterData.products());
        Collections.shuffle(products, r);
        int n = 1 + r.nextInt(8);
        List<Line> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Product p : products.subList(0, n)) {
            int qty = switch (r.nextInt(3)) {
                case 0 -> 1 + r.nextInt(9);
                case 1 -> 5 * (1 + r.nextInt(20));
                default -> 10 + r.nextInt(190);
            };
            BigDecimal amount = p.unitPrice().multiply(BigDecimal.valueOf(qty)).setScale(2, RoundingMode.HALF_UP);
            String printed = r.nextDouble() < 0.12 ? p.sku().replace("-", "") : p.sku();
            lines.add(new Line(p.sku(), printed, p.name(), qty, p.unitPrice().setScale(2), amount));
            total = total.add(amount);
        }
        String format = DATE_FORMATS.get(r.nextInt(DATE_FORMATS.size()));
        return new Truth(po, c.customerNumber(), name, numberPrinted, orderDate, delivery, c.street() + ", " + c.city(),
                total, lines, format);
    }

    private static TextLine title(Family f, Random r) {
        String title = f.heldOut() ? List.of("PURCHASE ORDER", "Order", "Purchase Order").get(r.nextInt(3))
                : List.of("PURCHASE ORDER", "Purchase Order").get(r.nextInt(2));
        double x = switch (f.titleAlign()) {
            case 0 -> 0;
            case 1 -> 0.32;
            default -> 0.58;
        };
        return TextLine.at(x, title, LineStyle.TITLE);
    }

    private static String label(Family f, String[][] words, int key, Random r) {
        String[] pool = words[key];
        String label = pool[r.nextInt(pool.length)];
        return f.upper() ? label.toUpperCase(Locale.ROOT) : label;
    }

    private static void header(List<TextLine> lines, Family f, List<String[]> fields) {
        switch (f.header()) {
            case COLON -> fields.forEach(fl -> lines.add(TextLine.at(0, fl[0] + ": " + fl[1], LineStyle.NORMAL)));
            case COLON_RIGHT -> fields.forEach(fl -> lines.add(TextLine.at(0.55, fl[0] + ": " + fl[1], LineStyle.NORMAL)));
            case PADDED -> fields.forEach(fl -> lines.add(new TextLine(List.of(new Cell(0, fl[0]), new Cell(0.25, fl[1])),
                    LineStyle.NORMAL)));
            case TWO_COLUMN -> {
                for (int i = 0; i < fields.size(); i += 2) {
                    List<Cell> cells = new ArrayList<>(List.of(new Cell(0, fields.get(i)[0] + ":"), new Cell(0.24, fields.get(i)[1])));
                    if (i + 1 < fields.size()) {
                        cells.add(new Cell(0.52, fields.get(i + 1)[0] + ":"));
                        cells.add(new Cell(0.76, fields.get(i + 1)[1]));
                    }
                    lines.add(new TextLine(cells, LineStyle.NORMAL));
                }
            }
            case LABEL_ROW -> {
                List<Cell> labels = new ArrayList<>();
                List<Cell> values = new ArrayList<>();
                for (int i = 0; i < fields.size(); i++) {
                    labels.add(new Cell(i * 0.25, fields.get(i)[0]));
                    values.add(new Cell(i * 0.25, fields.get(i)[1]));
                }
                lines.add(new TextLine(labels, LineStyle.BOLD));
                lines.add(new TextLine(values, LineStyle.NORMAL));
            }
            case ABOVE -> {
                for (int i = 0; i < fields.size(); i += 2) {
                    List<Cell> labels = new ArrayList<>(List.of(new Cell(0, fields.get(i)[0])));
                    List<Cell> values = new ArrayList<>(List.of(new Cell(0, fields.get(i)[1])));
                    if (i + 1 < fields.size()) {
                        labels.add(new Cell(0.5, fields.get(i + 1)[0]));
                        values.add(new Cell(0.5, fields.get(i + 1)[1]));
                    }
                    lines.add(new TextLine(labels, LineStyle.SMALL));
                    lines.add(new TextLine(values, LineStyle.NORMAL));
                }
            }
        }
    }

    private static void block(List<TextLine> lines, List<String> block) {
        lines.add(TextLine.of(block.get(0), LineStyle.BOLD));
        block.subList(1, block.size()).forEach(l -> lines.add(TextLine.of(l, LineStyle.NORMAL)));
        lines.add(TextLine.blank());
    }

    private static void side(List<TextLine> lines, List<String> left, List<String> right) {
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            List<Cell> cells = new ArrayList<>();
            if (i < left.size()) {
                cells.add(new Cell(0, left.get(i)));
            }
            if (i < right.size()) {
                cells.add(new Cell(0.5, right.get(i)));
            }
            lines.add(new TextLine(cells, i == 0 ? LineStyle.BOLD : LineStyle.NORMAL));
        }
        lines.add(TextLine.blank());
    }

    private static void table(List<TextLine> lines, Family f, String[][] words, Truth truth, String money, Random r) {
        List<Col> cols = f.columns();
        List<String> headers = new ArrayList<>();
        for (Col c : cols) {
            headers.add(label(f, words, switch (c) {
                case SKU -> H_SKU;
                case DESC -> H_DESC;
                case QTY -> H_QTY;
                case PRICE -> H_PRICE;
                case AMOUNT -> H_AMOUNT;
            }, r));
        }
        int wrapAt = f.wraps() ? 22 : 60;
        List<List<String>> rows = new ArrayList<>();
        List<Boolean> continuation = new ArrayList<>();
        for (Line l : truth.lines()) {
            String desc = l.description();
            String rest = null;
            if (desc.length() > wrapAt) {
                int cut = desc.lastIndexOf(' ', wrapAt);
                if (cut > 5) {
                    rest = desc.substring(cut + 1);
                    desc = desc.substring(0, cut);
                }
            }
            List<String> row = new ArrayList<>();
            for (Col c : cols) {
                row.add(switch (c) {
                    case SKU -> l.printedSku();
                    case DESC -> desc;
                    case QTY -> String.valueOf(l.quantity());
                    case PRICE -> money(l.unitPrice(), money);
                    case AMOUNT -> money(l.amount(), money);
                });
            }
            rows.add(row);
            continuation.add(false);
            if (rest != null && cols.contains(Col.DESC)) {
                List<String> more = new ArrayList<>();
                for (Col c : cols) {
                    more.add(c == Col.DESC ? rest : "");
                }
                rows.add(more);
                continuation.add(true);
            }
        }
        double[] widths = new double[cols.size()];
        double sum = 0;
        for (int i = 0; i < cols.size(); i++) {
            int longest = headers.get(i).length();
            for (List<String> row : rows) {
                longest = Math.max(longest, row.get(i).length());
            }
            widths[i] = longest + 4;
            sum += widths[i];
        }
        double scale = Math.min(1.0 / GeneratedDocument.TEXT_WIDTH, 0.98 / sum);
        double[] xs = new double[cols.size()];
        double x = 0;
        for (int i = 0; i < cols.size(); i++) {
            xs[i] = x;
            x += widths[i] * scale;
        }
        lines.add(cells(headers, xs, LineStyle.BOLD));
        rule(lines, f);
        for (List<String> row : rows) {
            lines.add(cells(row, xs, LineStyle.NORMAL));
        }
        rule(lines, f);
    }

    private static TextLine cells(List<String> texts, double[] xs, LineStyle style) {
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            if (!texts.get(i).isEmpty()) {
                cells.add(new Cell(xs[i], texts.get(i)));
            }
        }
        return new TextLine(cells, style);
    }

    private static void rule(List<TextLine> lines, Family f) {
        if (f.rule() != ' ') {
            lines.add(TextLine.of(String.valueOf(f.rule()).repeat(GeneratedDocument.TEXT_WIDTH - 10), LineStyle.SMALL));
        }
    }

    private static void totals(List<TextLine> lines, Family f, String[][] words, Truth truth, String money, Random r) {
        String total = money(truth.total(), money);
        String label = label(f, words, TOTAL, r);
        if (f.totals() == 0) {
            if (r.nextBoolean()) {
                lines.add(new TextLine(List.of(new Cell(0.55, f.upper() ? "SUBTOTAL" : "Subtotal"), new Cell(0.82, total)),
                        LineStyle.NORMAL));
            }
            lines.add(new TextLine(List.of(new Cell(0.55, label), new Cell(0.82, total)), LineStyle.BOLD));
        } else if (f.totals() == 1) {
            lines.add(TextLine.at(0.6, label + ": " + total, LineStyle.BOLD));
        } else {
            lines.add(new TextLine(List.of(new Cell(0, label), new Cell(0.82, total)), LineStyle.BOLD));
        }
    }

    private static String moneyStyle(Random r) {
        return List.of("plain", "comma", "eur-prefix", "euro-sign", "grouped", "eur-suffix").get(r.nextInt(6));
    }

    static String money(BigDecimal amount, String style) {
        String grouped = String.format(Locale.ROOT, "%,.2f", amount);
        return switch (style) {
            case "comma" -> grouped.replace(',', 'x').replace('.', ',').replace('x', '.');
            case "eur-prefix" -> "EUR " + grouped;
            case "euro-sign" -> "€" + grouped;
            case "eur-suffix" -> grouped.replace(',', 'x').replace('.', ',').replace('x', '.') + " EUR";
            case "grouped" -> grouped;
            default -> amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
        };
    }
}
