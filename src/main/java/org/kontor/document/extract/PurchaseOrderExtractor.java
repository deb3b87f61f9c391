package org.kontor.document.extract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.kontor.document.digitise.OcrPage;
import org.kontor.document.digitise.OcrRegion;
import org.kontor.document.digitise.OcrWord;
import org.kontor.document.extract.Labels.Concept;
import org.kontor.document.extract.Layout.Row;
import org.kontor.document.extract.Layout.Word;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads the fields of a purchase order from OCR'd pages: header fields by their labels, the line table by its
 * column headers, the document total by its label. Every field carries a confidence built from the OCR word
 * confidences, how well the label matched, whether the value has a valid format, and the cross-checks a
 * purchase order allows (quantity x unit price = amount, line amounts add up to the total). Doubt lowers the
 * confidence rather than guessing: a clerk reviewing a field costs less than a wrong order.
 */
@Component
public class PurchaseOrderExtractor {

    private static final Logger log = LoggerFactory.getLogger(PurchaseOrderExtractor.class);
    private static final BigDecimal CENT = new BigDecimal("0.01");
    /** A reading of the lines this sure that disagrees with the chosen one makes the choice doubtful. */
    private static final double DISAGREEMENT_FLOOR = 0.8;
    private static final double DISAGREEMENT_CAP = 0.75;
    /** A requested delivery within a quarter of the order date is a likely reading of two ambiguous slash dates... */
    private static final long LIKELY_LEAD_DAYS = 92;
    /** ...and one more than half a year after it an unlikely one. */
    private static final long UNLIKELY_LEAD_DAYS = 183;
    /** A reading that kept a doubled character is taken over one that lost it only when OCR rated it this sure. */
    private static final double CONFIDENT_LONGER_READING = 80;
    /** How sure the extractor may be that no delivery date is stated while the page shows a date nobody claimed. */
    private static final double UNCLAIMED_DATE_CAP = 0.5;

    public ExtractedPurchaseOrder extract(List<OcrPage> pages) {
        Reading first = read(pages, null);
        if (pages.stream().allMatch(p -> p.rereads().stream().noneMatch(OcrRegion::table))) {
            return first.order();
        }
        return choose(first.order(), read(withRereads(pages), first.printedTotal()).order());
    }

    /** One reading of the document, with the total as its totals line gave it (before the lines confirmed or doubted it). */
    private record Reading(ExtractedPurchaseOrder order, ExtractedField<BigDecimal> printedTotal) {
    }

    /**
     * Of the first reading and the one with the line table read again, the one whose lines are surer. Two confident
     * readings that disagree about the lines are doubt, not certainty: a clerk decides.
     */
    static ExtractedPurchaseOrder choose(ExtractedPurchaseOrder first, ExtractedPurchaseOrder second) {
        ExtractedPurchaseOrder chosen = surer(second, first) ? second : first;
        ExtractedPurchaseOrder other = chosen == second ? first : second;
        // a reading that lost the total has nothing to check its rows against: it does not doubt one whose rows add up
        boolean otherUnchecked = !other.total().present() && chosen.total().confidence() >= 0.9;
        if (other.linesConfidence() >= DISAGREEMENT_FLOOR && !otherUnchecked && !sameLines(chosen, other)) {
            log.debug("Both readings of the line table are confident but disagree; lowering the lines confidence");
            return chosen.withLinesCappedAt(DISAGREEMENT_CAP);
        }
        return chosen;
    }

    /**
     * Whether reading {@code a} is at least as sure as {@code b}: first by its numbers, then by its SKUs. The catalogue
     * can vouch for a SKU read with little confidence, nothing but the page for a quantity or a price, so a reading
     * whose SKUs are sure and numbers are not is worth less than the other way round.
     */
    private static boolean surer(ExtractedPurchaseOrder a, ExtractedPurchaseOrder b) {
        double numbers = a.linesConfidenceBesideSkus() - b.linesConfidenceBesideSkus();
        if (Math.abs(numbers) > 0.005) {
            return numbers > 0;
        }
        return a.linesConfidence() >= b.linesConfidence();
    }

    private static boolean sameLines(ExtractedPurchaseOrder a, ExtractedPurchaseOrder b) {
        return a.lines().stream().map(PurchaseOrderExtractor::lineKey).toList()
                .equals(b.lines().stream().map(PurchaseOrderExtractor::lineKey).toList());
    }

    /** A line as the order would get it: a SKU read with or without its hyphen ("CL3002") is the same SKU. */
    private static String lineKey(ExtractedLine l) {
        String sku = l.sku().value() == null ? null : l.sku().value().replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
        return sku + "|" + l.quantity().value() + "|"
                + (l.unitPrice().value() == null ? null : l.unitPrice().value().stripTrailingZeros().toPlainString());
    }

    /**
     * The pages with the rows inside each reread region replaced by that region's reading. A row the second reading
     * does not have (one uniform block may drop a faint or odd row) keeps its first reading, so a reread never loses
     * text the first reading had.
     */
    static List<OcrPage> withRereads(List<OcrPage> pages) {
        List<OcrPage> out = new ArrayList<>(pages.size());
        for (OcrPage page : pages) {
            // number columns and header values read again are no reading of whole rows: they stay beside the rows
            List<OcrRegion> tables = page.rereads().stream().filter(OcrRegion::table).toList();
            List<OcrRegion> columns = page.rereads().stream().filter(r -> !r.table()).toList();
            if (tables.isEmpty()) {
                out.add(page);
                continue;
            }
            List<int[]> rereadRows = new ArrayList<>();
            for (OcrRegion region : tables) {
                for (List<OcrWord> line : region.lines()) {
                    rereadRows.add(band(line));
                }
            }
            List<OcrWord> words = new ArrayList<>();
            int nextLine = 0;
            for (List<OcrWord> line : page.lines()) {
                int[] band = band(line);
                double mid = (band[0] + band[1]) / 2.0;
                boolean inRegion = tables.stream().anyMatch(r -> line.stream().anyMatch(r::contains));
                boolean readAgain = rereadRows.stream().anyMatch(b -> mid >= b[0] && mid <= b[1])
                        || coveredByReread(line, tables);
                for (OcrWord w : line) {
                    boolean replaced = inRegion && readAgain && tables.stream().anyMatch(r -> r.contains(w));
                    if (!replaced) {
                        words.add(w);
                    }
                    nextLine = Math.max(nextLine, w.line() + 1);
                }
            }
            for (OcrRegion region : tables) {
                int lines = 0;
                for (OcrWord w : region.words()) {
                    words.add(w.moved(0, 0, nextLine + w.line(), w.block()));
                    lines = Math.max(lines, w.line() + 1);
                }
                nextLine += lines;
            }
            out.add(new OcrPage(page.width(), page.height(), page.text(), words, page.meanConfidence(), columns));
        }
        return out;
    }

    /**
     * Whether each word of a line (specks aside) lies over a word of the table read again: the same row, which the
     * first reading boxed off its place (one tall box over "or-1010 €1, 606.50" at confidence 11), so that its middle
     * misses the second reading's row.
     */
    static boolean coveredByReread(List<OcrWord> line, List<OcrRegion> tables) {
        boolean any = false;
        for (OcrWord w : line) {
            if (!w.hasText()) {
                continue;
            }
            any = true;
            boolean covered = tables.stream().flatMap(r -> r.words().stream()).anyMatch(o ->
                    o.x() < w.x() + w.w() && w.x() < o.x() + o.w()
                            && Math.min(o.y() + o.h(), w.y() + w.h()) - Math.max(o.y(), w.y()) >= Math.min(o.h(), w.h()) / 2);
            if (!covered) {
                return false;
            }
        }
        return any;
    }

    /** The vertical extent (top, bottom) of a line's words, by their median height around their median centre. */
    private static int[] band(List<OcrWord> line) {
        int[] mids = line.stream().mapToInt(w -> w.y() + w.h() / 2).sorted().toArray();
        int[] heights = line.stream().mapToInt(OcrWord::h).sorted().toArray();
        int mid = mids[mids.length / 2];
        int half = Math.max(1, heights[heights.length / 2] / 2);
        return new int[] {mid - half, mid + half};
    }

    /**
     * @param pageTotal the total the page's first reading gave, for a second reading whose table region took the totals
     *                  line with it and garbled it; null for the first reading
     */
    private Reading read(List<OcrPage> pages, ExtractedField<BigDecimal> pageTotal) {
        Layout layout = Layout.of(pages);
        NumberParser.Decimal decimal = decimalConvention(layout);
        LineTableReader.Table table = new LineTableReader(layout, decimal).read();
        int tableFrom = table.found() ? table.headerRow() : Integer.MAX_VALUE;
        int tableTo = table.found() ? table.endRow() : Integer.MAX_VALUE;
        HeaderReader header = new HeaderReader(layout, tableFrom, tableTo);

        ExtractedField<String> poNumber = identifier(header, Concept.PO_NUMBER, false, layout);
        ExtractedField<String> customerNumber = identifier(header, Concept.CUSTOMER_NUMBER, true, layout);
        ExtractedField<String> customerName = customerName(header, layout);
        if (!customerNumber.present() && customerName.present() && looksLikeCustomerNumber(customerName.value())) {
            // "Customer: C-10001" labels a number with a word that usually labels a name
            customerNumber = new ExtractedField<>(customerName.value().toUpperCase(Locale.ROOT),
                    customerName.confidence() * 0.95, customerName.raw());
            customerName = ExtractedField.missing(0);
        }
        DateParser.SlashOrder convention = slashConvention(layout);
        ExtractedField<LocalDate> orderDate = date(header, Concept.ORDER_DATE, convention, false, layout);
        ExtractedField<LocalDate> deliveryDate = date(header, Concept.DELIVERY_DATE, convention, true, layout);
        DateParser.SlashOrder byOrder = convention != null ? null
                : conventionByDateOrder(orderDate.raw(), deliveryDate.raw());
        if (byOrder != null) {
            orderDate = date(header, Concept.ORDER_DATE, byOrder, false, layout);
            deliveryDate = date(header, Concept.DELIVERY_DATE, byOrder, true, layout);
        }
        if (!deliveryDate.present() && deliveryDate.confidence() > UNCLAIMED_DATE_CAP
                && unclaimedDate(layout, tableFrom, tableTo, orderDate.value())) {
            // the page shows a date no label claimed: it may well be the delivery date whose label OCR garbled
            deliveryDate = ExtractedField.missing(UNCLAIMED_DATE_CAP);
        }
        if (orderDate.present() && deliveryDate.present() && deliveryDate.value().isBefore(orderDate.value())) {
            orderDate = orderDate.withConfidence(Math.min(orderDate.confidence(), 0.6));
            deliveryDate = deliveryDate.withConfidence(Math.min(deliveryDate.confidence(), 0.6));
        }
        ExtractedField<String> address = address(header);
        ExtractedField<BigDecimal> total = total(header, decimal);
        if (!total.present() && pageTotal != null && pageTotal.present()) {
            // the totals line read again with the table came back garbled ("OrderTotal =—i(iti‘s~"): the page's stands
            total = pageTotal;
        }
        ExtractedField<BigDecimal> printedTotal = total;

        List<ExtractedLine> lines = table.lines();
        double linesConfidence = confidence(lines, false) * table.headerQuality();
        double besideSkus = confidence(lines, true) * table.headerQuality();
        double ifListed = -1;
        BigDecimal sum = sum(lines);
        BigDecimal products = products(lines);
        boolean productsAddUp = products != null && total.present() && products.subtract(total.value()).abs().compareTo(CENT) <= 0;
        if (!lines.isEmpty() && total.present() && sum != null
                && sum.subtract(total.value()).abs().compareTo(CENT) > 0 && productsAddUp) {
            // an amount misread ("].065,05"), but quantities times prices add up to the total: the order needs those
            total = total.withConfidence(Math.max(total.confidence(), 0.98));
            lines = lines.stream().map(l -> new ExtractedLine(l.sku(), l.description(), raiseRead(l.quantity()),
                    l.priceRead() ? raise(l.unitPrice()) : l.unitPrice(),
                    l.amount().withConfidence(Math.min(l.amount().confidence(), 0.5)))).toList();
            linesConfidence = confidence(lines, false) * Math.max(table.headerQuality(), 0.97);
            besideSkus = confidence(lines, true) * Math.max(table.headerQuality(), 0.97);
        } else if (!lines.isEmpty() && total.present() && sum != null) {
            if (sum.subtract(total.value()).abs().compareTo(CENT) <= 0) {
                // every line amount read and none missing: the rows and the total confirm each other
                total = total.withConfidence(Math.max(total.confidence(), 0.98));
                lines = lines.stream().map(PurchaseOrderExtractor::confirmed).toList();
                linesConfidence = confidence(lines, false) * Math.max(table.headerQuality(), 0.97);
                besideSkus = confidence(lines, true) * Math.max(table.headerQuality(), 0.97);
                // a quantity worked out from amount / price is as sure as they are once a price list vouches for the price:
                // the amounts add up to the total, so quantity = amount / price holds
                ifListed = lines.stream().mapToDouble(l -> l.quantityRead() ? l.confidenceBesideSku()
                        : Math.max(l.confidenceBesideSku(), Math.min(l.unitPrice().confidence(), l.amount().confidence())))
                        .min().orElse(0)
                        * Math.max(table.headerQuality(), 0.97);
            } else {
                total = total.withConfidence(Math.min(total.confidence(), 0.5));
                linesConfidence = Math.min(linesConfidence, 0.4);
                besideSkus = Math.min(besideSkus, 0.4);
                lines = lines.stream().map(l -> capped(l, 0.5)).toList();
            }
        } else {
            // without a total there is no telling whether a row was lost
            linesConfidence = Math.min(linesConfidence, 0.8);
            besideSkus = Math.min(besideSkus, 0.8);
            total = total.withConfidence(Math.min(total.confidence(), 0.8));
        }
        log.debug("Extracted PO {} customer {} / {}, {} line(s), lines confidence {}", poNumber.value(),
                customerNumber.value(), customerName.value(), lines.size(), linesConfidence);
        return new Reading(new ExtractedPurchaseOrder(poNumber, customerNumber, customerName, orderDate, deliveryDate,
                address, total, lines, Confidence.clamp(linesConfidence), Confidence.clamp(besideSkus),
                Confidence.clamp(ifListed)), printedTotal);
    }

    /** The least sure line (with or without its SKU); no lines at all is no confidence. */
    private static double confidence(List<ExtractedLine> lines, boolean besideSkus) {
        return lines.stream().mapToDouble(besideSkus ? ExtractedLine::confidenceBesideSku : ExtractedLine::confidence)
                .min().orElse(0);
    }

    // ---- header fields ------------------------------------------------------------------------------------

    private ExtractedField<String> identifier(HeaderReader header, Concept concept, boolean customer, Layout layout) {
        ExtractedField<String> best = null;
        List<ExtractedField<String>> all = new ArrayList<>();
        for (HeaderReader.Hit hit : header.hits(concept)) {
            for (HeaderReader.Value v : header.values(hit)) {
                ExtractedField<String> f = identifierValue(v, customer, layout.readAgain(v.words()));
                if (f == null) {
                    continue;
                }
                all.add(f);
                if (best == null || f.confidence() > best.confidence()) {
                    best = f;
                }
            }
        }
        if (best == null) {
            return ExtractedField.missing(header.hits(concept).isEmpty() && customer ? 0.5 : 0);
        }
        String value = best.value();
        if (all.stream().anyMatch(f -> !f.value().equals(value) && f.confidence() > 0.5)) {
            best = best.withConfidence(best.confidence() * 0.8);
        }
        return best;
    }

    /**
     * @param again the value read a second time on its own ({@link HeaderValueRegion}), null when it was not: the same
     *              identifier from both readings stands in for the word confidence Tesseract gives non-words
     */
    static ExtractedField<String> identifierValue(HeaderReader.Value v, boolean customer, List<Word> again) {
        List<String> tokens = joinedTokens(v.words());
        String value = null;
        String rest = null;
        boolean digitsFollow = false;
        for (String t : tokens) {
            if (value != null) {
                rest = rest + t;
                digitsFollow |= t.matches(".*\\d.*");
            } else if (t.matches(".*\\d.*")) {
                value = t;
                rest = t;
            }
        }
        if (value == null) {
            return null;
        }
        value = trimIdentifier(value);
        String second = again == null ? null : identifierIn(again);
        if (second != null && !second.equals(value) && second.equals(trimIdentifier(rest))) {
            // "PO-2026-7 1859": the page reading split the number at a gap that its reading alone does not have
            value = second;
        }
        double words = Confidence.minOfValue(v.words());
        double wordsAgain = second == null ? 0 : Confidence.minOfValue(again);
        boolean repeatLost = false;
        if (second != null && lostOneOfARepeat(second, value) && words >= CONFIDENT_LONGER_READING) {
            // "ORD-75777" on the page, "ORD-7577" alone: the line model merges a doubled character far more often
            // than it invents one, so a confident reading that has the run is taken over one that lost a character of it
            repeatLost = true;
        } else if (second != null && lostOneOfARepeat(value, second) && wordsAgain >= CONFIDENT_LONGER_READING) {
            value = second;
            words = wordsAgain;
            repeatLost = true;
        }
        if (value.length() < 3 || value.length() > 25 || !value.matches("[A-Za-z0-9][A-Za-z0-9/._#-]*")) {
            return null;
        }
        boolean agreed = value.equals(second) && !repeatLost;
        // Tesseract scores an identifier as low as its least sure character, also when the alternatives it weighed
        // there make no difference ("PO690640" at 27 for an O that might be a zero); what its characters say counts
        double sure = Math.max(words, characterCertainty(v.words(), value));
        double sureAgain = second == null ? 0 : Math.max(wordsAgain, characterCertainty(again, second));
        double c = v.label().quality() * v.geometry()
                * Confidence.ocr(agreed ? Confidence.agreeing(sure, sureAgain) : sure);
        if (second != null && !agreed && !repeatLost && Confidence.disagreementCounts(words, wordsAgain)) {
            // the value read alone comes back different ("PQ647810" / "PO647810"): one of the readings is wrong
            c = Math.min(c, DISAGREEMENT_CAP);
        }
        String prefixRead = withPrefixRead(value);
        if (!prefixRead.equals(value)) {
            // "P0351260": OCR reads the O of the "PO" prefix as a zero when digits follow; with five or more digits
            // after it, none of them a second zero, the prefix is PO (a number printed "P00…" stays a clerk's call)
            c *= value.matches("P0[1-9]\\d{4,}") ? 0.97 : 0.8;
            value = prefixRead;
        }
        if ((tokens.size() > 2 || digitsFollow) && !(agreed && joinedTokens(again).size() == 1)) {
            // several tokens: which of them is the number, or where it ends ("PO-2026-7 1859"), is a guess, unless the
            // value read alone is one token
            c *= 0.85;
        }
        if (customer) {
            value = value.toUpperCase(Locale.ROOT);
            if (!looksLikeCustomerNumber(value)) {
                c *= 0.85;
            }
        }
        if (value.matches("(?i).*([O0]Q|Q[O0]).*")) {
            // "POQ664066": a Q beside an O or a 0 is OCR's O/Q confusion as often as it is printed; both readings of
            // the value can make it
            c *= 0.85;
        }
        if (value.matches(".*\\d[OoIlSB]\\d.*|.*\\d[OoIlSB]$|.*[A-Za-z]-?0\\d.*|.*\\d[A-Za-z].*")) {
            // "P0351260", a letter among digits: OCR swaps O and 0, and nothing can check a PO number
            c *= 0.85;
        }
        return new ExtractedField<>(value, Confidence.clamp(c), v.text());
    }

    /**
     * The P0 rule: an identifier starting "P0" and digits is a PO number whose O OCR read as a zero ("P0351260" is
     * PO351260). {@link #identifierValue} applies it, {@link #characterCertainty} asks which alternatives it makes
     * no difference to.
     */
    private static String withPrefixRead(String value) {
        return value.matches("P0\\d{3,}") ? "PO" + value.substring(2) : value;
    }

    /**
     * How sure OCR is of an identifier's characters where it matters (0..100, see {@link Confidence#characters}). An O
     * of a "PO" prefix weighed against a zero changes nothing (the P0 rule reads both as PO); one weighed against a Q
     * does. -1 when the value is not one word whose kept characters spell it.
     */
    static double characterCertainty(List<Word> words, String value) {
        List<Word> holding = HeaderValueRegion.valueWords(words).stream().filter(w -> w.text().contains(value)).toList();
        return holding.size() != 1 ? -1 : Confidence.characters(holding.get(0), value, PurchaseOrderExtractor::withPrefixRead);
    }

    /** Whether {@code shorter} is {@code longer} with one character of a run of equal characters gone ("7577" / "75777"). */
    static boolean lostOneOfARepeat(String shorter, String longer) {
        if (longer.length() != shorter.length() + 1) {
            return false;
        }
        for (int i = 1; i < longer.length(); i++) {
            if (longer.charAt(i) == longer.charAt(i - 1)
                    && (longer.substring(0, i) + longer.substring(i + 1)).equals(shorter)) {
                return true;
            }
        }
        return false;
    }

    /** The identifier a second reading of a value holds: its first token with a digit, trimmed like the value. */
    private static String identifierIn(List<Word> words) {
        for (String t : joinedTokens(words)) {
            if (t.matches(".*\\d.*")) {
                return trimIdentifier(t);
            }
        }
        return null;
    }

    private static String trimIdentifier(String token) {
        return token.replaceAll("^[:#(\\[|-]+|[:;,.)\\]|-]+$", "");
    }

    /** Words glued back where OCR split one token at a hyphen or a tiny gap ("PO -2026-97672"). */
    static List<String> joinedTokens(List<Word> words) {
        List<String> tokens = new ArrayList<>();
        Word prev = null;
        for (Word w : words) {
            boolean glue = prev != null && (prev.text().endsWith("-") || w.text().startsWith("-")
                    || w.x() - prev.right() < Math.max(3, prev.h() / 5));
            if (glue) {
                tokens.set(tokens.size() - 1, tokens.get(tokens.size() - 1) + w.text());
            } else {
                tokens.add(w.text());
            }
            prev = w;
        }
        return tokens;
    }

    static boolean looksLikeCustomerNumber(String s) {
        return s != null && s.strip().matches("(?i)[A-Z]{0,3}-?\\d{3,10}");
    }

    private ExtractedField<String> customerName(HeaderReader header, Layout layout) {
        ExtractedField<String> best = null;
        for (HeaderReader.Hit hit : header.hits(Concept.CUSTOMER_NAME)) {
            List<List<Word>> block = header.block(hit, 1);
            if (block.isEmpty()) {
                continue;
            }
            List<Word> first = block.get(0);
            String text = LineTableReader.join(first).replaceAll("^[:\\-]\\s*", "").strip();
            if (text.length() < 2 || !text.matches(".*\\p{L}.*")) {
                continue;
            }
            double c = hit.quality() * Confidence.ocr(Confidence.min(first));
            if (best == null || c > best.confidence()) {
                best = new ExtractedField<>(text, Confidence.clamp(c), text);
            }
        }
        if (best != null) {
            return best;
        }
        // no buyer label: a purchase order is on the buyer's letterhead, its first line names the company
        for (Row row : layout.rows.subList(0, Math.min(4, layout.rows.size()))) {
            int end = row.segmentEnd(0);
            List<Word> words = row.words().subList(0, end);
            String text = LineTableReader.join(words);
            if (words.stream().anyMatch(header::isLabel) || isTitle(text) || text.matches(".*\\d.*") || text.length() < 3) {
                continue;
            }
            return new ExtractedField<>(text, Confidence.clamp(0.9 * Confidence.ocr(Confidence.min(words))), text);
        }
        return ExtractedField.missing(0);
    }

    /**
     * The English OCR model has no ß: "Straße" comes back as StraBe, Strake, Strafe, Straffe, StraRe, Stra&e or
     * without it ("Strae"). A printed "Strasse" is left alone.
     */
    static String straße(String text) {
        return text.replaceAll("(?<=[Ss]tra)(?:ff|fs|fg|f&|fse|13|[BkfS&g8Rv]|)(?=e\\b)", "ß");
    }

    private static boolean isTitle(String text) {
        String k = Labels.key(text);
        return k.contains("order") || k.equals("po") || k.contains("purchase") || k.contains("bestellung");
    }

    private ExtractedField<String> address(HeaderReader header) {
        for (HeaderReader.Hit hit : header.hits(Concept.DELIVERY_ADDRESS)) {
            List<List<Word>> block = header.block(hit, 4);
            // a company or person line may come first; the address starts at the first line with a number
            int start = -1;
            for (int i = 0; i < block.size(); i++) {
                if (LineTableReader.join(block.get(i)).matches(".*\\d.*")) {
                    start = i;
                    break;
                }
            }
            if (start < 0) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            double minConf = 100;
            for (List<Word> line : block.subList(start, block.size())) {
                parts.add(LineTableReader.join(line));
                minConf = Math.min(minConf, Confidence.min(line));
            }
            String text = straße(String.join(", ", parts));
            return new ExtractedField<>(text, Confidence.clamp(hit.quality() * Confidence.ocr(minConf) * 0.95), text);
        }
        return ExtractedField.missing(0.5);
    }

    private ExtractedField<LocalDate> date(HeaderReader header, Concept concept, DateParser.SlashOrder convention,
            boolean optional, Layout layout) {
        ExtractedField<LocalDate> best = null;
        boolean labelled = false;
        for (HeaderReader.Hit hit : header.hits(concept)) {
            labelled = true;
            for (HeaderReader.Value v : header.values(hit)) {
                DateParser.Parsed p = DateParser.parse(v.text());
                if (p == null) {
                    continue;
                }
                LocalDate d = p.date();
                double format = 1.0;
                if (p.ambiguous()) {
                    if (convention == DateParser.SlashOrder.MONTH_FIRST) {
                        d = p.monthFirst();
                        format = 0.95;
                    } else if (convention == DateParser.SlashOrder.DAY_FIRST) {
                        format = 0.95;
                    } else {
                        // 03/04/2025: a clerk decides whether that is March or April
                        format = 0.4;
                    }
                }
                if (p.ocrRepaired()) {
                    format *= 0.75;
                }
                // the date read again on its own, the same: both readings stand in for Tesseract's word confidence
                List<Word> again = layout.readAgain(v.words());
                DateParser.Parsed second = again == null ? null : DateParser.parse(LineTableReader.join(again));
                boolean agreed = second != null && second.date().equals(p.date()) && !second.ocrRepaired();
                double words = Confidence.minOfValue(v.words());
                double wordsAgain = second == null ? 0 : Confidence.minOfValue(again);
                double ocr = Confidence.ocr(agreed ? Confidence.agreeing(words, wordsAgain) : words);
                double c = hit.quality() * v.geometry() * format * ocr;
                if (second != null && !second.date().equals(p.date())
                        && Confidence.disagreementCounts(words, wordsAgain)) {
                    // read alone, the value is another date: one of the readings is wrong
                    c = Math.min(c, DISAGREEMENT_CAP);
                }
                if (best == null || c > best.confidence()) {
                    best = new ExtractedField<>(d, Confidence.clamp(c), v.text());
                }
            }
        }
        if (best != null) {
            return best;
        }
        if (labelled) {
            return ExtractedField.missing(0.2);
        }
        // an optional date the document does not state; on a poor scan its label may have been lost
        return ExtractedField.missing(optional && layout.meanConfidence >= 80 ? 0.92 : optional ? 0.6 : 0);
    }

    /** Whether a row outside the line table holds a date other than the order date (one to three words). */
    static boolean unclaimedDate(Layout layout, int tableFrom, int tableTo, LocalDate orderDate) {
        for (Row row : layout.rows) {
            if (row.index() >= tableFrom && row.index() < tableTo) {
                continue;
            }
            List<Word> words = row.words();
            for (int i = 0; i < words.size(); i++) {
                for (int n = 1; n <= 3 && i + n <= words.size(); n++) {
                    String text = LineTableReader.join(words.subList(i, i + n));
                    if (!text.matches(".*\\d.*")) {
                        continue;
                    }
                    DateParser.Parsed p = DateParser.parse(text);
                    if (p != null && !p.date().equals(orderDate) && (p.monthFirst() == null || !p.monthFirst().equals(orderDate))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * The slash order of a page whose order date and delivery date are both ambiguous ("02/08/2025", "03/06/2025"),
     * when only one order makes sense of them. A requested delivery before the order is no reading at all; one more than
     * half a year after the order is no reading a clerk would pick over one of weeks ("04/01/2025" to "04/12/2025":
     * 1 to 12 April, not 4 January to 4 December). Null when both orders (or neither) make sense: a clerk decides.
     */
    static DateParser.SlashOrder conventionByDateOrder(String orderDateText, String deliveryDateText) {
        DateParser.Parsed order = orderDateText == null ? null : DateParser.parse(orderDateText);
        DateParser.Parsed delivery = deliveryDateText == null ? null : DateParser.parse(deliveryDateText);
        if (order == null || delivery == null || !order.ambiguous() || !delivery.ambiguous()) {
            return null;
        }
        long dayFirst = ChronoUnit.DAYS.between(order.date(), delivery.date());
        long monthFirst = ChronoUnit.DAYS.between(order.monthFirst(), delivery.monthFirst());
        if ((dayFirst >= 0) != (monthFirst >= 0)) {
            return dayFirst >= 0 ? DateParser.SlashOrder.DAY_FIRST : DateParser.SlashOrder.MONTH_FIRST;
        }
        if (dayFirst >= 0 && dayFirst <= LIKELY_LEAD_DAYS && monthFirst > UNLIKELY_LEAD_DAYS) {
            return DateParser.SlashOrder.DAY_FIRST;
        }
        if (monthFirst >= 0 && monthFirst <= LIKELY_LEAD_DAYS && dayFirst > UNLIKELY_LEAD_DAYS) {
            return DateParser.SlashOrder.MONTH_FIRST;
        }
        return null;
    }

    private static DateParser.SlashOrder slashConvention(Layout layout) {
        int dayFirst = 0;
        int monthFirst = 0;
        for (Row row : layout.rows) {
            for (Word w : row.words()) {
                if (w.text().matches(".*\\d{1,2}/\\d{1,2}/\\d{2,4}.*")) {
                    DateParser.Parsed p = DateParser.parse(w.text());
                    if (p != null && p.evidence() == DateParser.SlashOrder.DAY_FIRST) {
                        dayFirst++;
                    } else if (p != null && p.evidence() == DateParser.SlashOrder.MONTH_FIRST) {
                        monthFirst++;
                    }
                }
            }
        }
        if (dayFirst > 0 && monthFirst == 0) {
            return DateParser.SlashOrder.DAY_FIRST;
        }
        if (monthFirst > 0 && dayFirst == 0) {
            return DateParser.SlashOrder.MONTH_FIRST;
        }
        return null;
    }

    // ---- totals -------------------------------------------------------------------------------------------

    private ExtractedField<BigDecimal> total(HeaderReader header, NumberParser.Decimal decimal) {
        ExtractedField<BigDecimal> best = null;
        int bestRank = -1;
        for (Concept concept : List.of(Concept.SUBTOTAL, Concept.TOTAL, Concept.GRAND_TOTAL)) {
            int rank = concept == Concept.GRAND_TOTAL ? 2 : concept == Concept.TOTAL ? 1 : 0;
            List<HeaderReader.Hit> hits = new ArrayList<>(header.hits(concept));
            // of several "Total" lines the last one is the amount to pay
            hits.sort(Comparator.comparingInt((HeaderReader.Hit h) -> h.row().index()).reversed());
            for (HeaderReader.Hit hit : hits) {
                for (HeaderReader.Value v : header.values(hit)) {
                    NumberParser.Parsed p = NumberParser.parse(v.text(), decimal);
                    if (p == null || p.value().signum() < 0) {
                        continue;
                    }
                    double c = hit.quality() * v.geometry() * Confidence.ocr(Confidence.minOfValue(v.words()));
                    if (p.ambiguous()) {
                        c *= 0.7;
                    }
                    if (p.ocrRepaired()) {
                        c *= 0.75;
                    }
                    if (rank == 0) {
                        c *= 0.85;
                    }
                    if (rank > bestRank || (rank == bestRank && best != null && c > best.confidence() + 0.1)) {
                        best = new ExtractedField<>(p.value(), Confidence.clamp(c), v.text());
                        bestRank = rank;
                    }
                    break;
                }
                if (bestRank == rank) {
                    break;
                }
            }
        }
        return best != null ? best : ExtractedField.missing(0);
    }

    private static BigDecimal sum(List<ExtractedLine> lines) {
        BigDecimal sum = BigDecimal.ZERO;
        for (ExtractedLine l : lines) {
            BigDecimal amount = l.amount().value();
            if (amount == null && l.quantity().present() && l.unitPrice().present()) {
                amount = l.unitPrice().value().multiply(BigDecimal.valueOf(l.quantity().value()));
            }
            if (amount == null) {
                return null;
            }
            sum = sum.add(amount);
        }
        return sum;
    }

    /** Quantity times unit price summed over the lines; null when a line lacks either. */
    private static BigDecimal products(List<ExtractedLine> lines) {
        BigDecimal sum = BigDecimal.ZERO;
        for (ExtractedLine l : lines) {
            if (!l.quantity().present() || !l.unitPrice().present()) {
                return null;
            }
            sum = sum.add(l.unitPrice().value().multiply(BigDecimal.valueOf(l.quantity().value())));
        }
        return sum;
    }

    /**
     * Raised by the total only where the row's own arithmetic holds (or has no amount to check): the total sums the
     * amounts, so it says nothing about a quantity or price that does not multiply out to its amount.
     */
    private static ExtractedLine confirmed(ExtractedLine l) {
        boolean rowHolds = !l.amount().present() || (l.quantity().present() && l.unitPrice().present()
                && l.unitPrice().value().multiply(BigDecimal.valueOf(l.quantity().value()))
                        .subtract(l.amount().value()).abs().compareTo(new BigDecimal("0.005")) <= 0);
        if (!rowHolds) {
            return l;
        }
        return new ExtractedLine(l.sku(), l.description(), raiseRead(l.quantity()),
                l.priceRead() ? raise(l.unitPrice()) : l.unitPrice(), raise(l.amount()));
    }

    /**
     * A quantity (or price) is raised by the arithmetic only when it was read, not worked out from the row's other two
     * numbers: one derived from them multiplies out by construction.
     */
    private static ExtractedField<Integer> raiseRead(ExtractedField<Integer> qty) {
        return ExtractedLine.read(qty) ? raise(qty) : qty;
    }

    private static <T> ExtractedField<T> raise(ExtractedField<T> f) {
        return f.present() ? f.withConfidence(Math.max(f.confidence(), 0.97)) : f;
    }

    private static ExtractedLine capped(ExtractedLine l, double cap) {
        return new ExtractedLine(l.sku(), l.description(), l.quantity().withConfidence(Math.min(l.quantity().confidence(), cap)),
                l.unitPrice().withConfidence(Math.min(l.unitPrice().confidence(), cap)),
                l.amount().withConfidence(Math.min(l.amount().confidence(), cap)));
    }

    /** The decimal separator most unambiguous numbers on the page use. */
    static NumberParser.Decimal decimalConvention(Layout layout) {
        int point = 0;
        int comma = 0;
        for (Row row : layout.rows) {
            for (Word w : row.words()) {
                switch (NumberParser.evidence(w.text())) {
                    case POINT -> point++;
                    case COMMA -> comma++;
                    default -> { }
                }
            }
        }
        if (point > 2 * comma && point > 0) {
            return NumberParser.Decimal.POINT;
        }
        if (comma > 2 * point && comma > 0) {
            return NumberParser.Decimal.COMMA;
        }
        return NumberParser.Decimal.UNKNOWN;
    }
}
