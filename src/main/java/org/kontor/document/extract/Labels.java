package org.kontor.document.extract;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Label synonyms and fuzzy matching of OCR'd text against them. Both sides are normalised the same way, with
 * the characters OCR confuses folded together (0/o, 1/l/i, 5/s, 8/b, rn/m), so "P0 Number" and "Cust0mer No"
 * match exactly; what remains may differ by one edit in a long label, which lowers the match quality.
 */
final class Labels {

    enum Concept {
        PO_NUMBER, CUSTOMER_NUMBER, CUSTOMER_NAME, ORDER_DATE, DELIVERY_DATE, DELIVERY_ADDRESS, SUPPLIER,
        TOTAL, GRAND_TOTAL, SUBTOTAL, TAX,
        COL_SKU, COL_DESCRIPTION, COL_QTY, COL_PRICE, COL_AMOUNT
    }

    static final List<Concept> HEADER = List.of(Concept.PO_NUMBER, Concept.CUSTOMER_NUMBER, Concept.CUSTOMER_NAME,
            Concept.ORDER_DATE, Concept.DELIVERY_DATE, Concept.DELIVERY_ADDRESS, Concept.SUPPLIER);
    static final List<Concept> TOTALS = List.of(Concept.TOTAL, Concept.GRAND_TOTAL, Concept.SUBTOTAL, Concept.TAX);
    static final List<Concept> COLUMNS = List.of(Concept.COL_SKU, Concept.COL_DESCRIPTION, Concept.COL_QTY,
            Concept.COL_PRICE, Concept.COL_AMOUNT);

    private static final Map<Concept, List<String>> SYNONYMS = new EnumMap<>(Concept.class);

    static {
        SYNONYMS.put(Concept.PO_NUMBER, List.of("PO Number", "PO #", "PO No", "PO Nr", "Order No",
                "Purchase Order No", "Purchase Order Number", "Purchase Order #", "Order Number", "Order #", "Our order",
                "Our order no", "P.O. Number", "P.O. No", "P.O. #", "Order Ref", "PO Ref", "Order Reference"));
        SYNONYMS.put(Concept.CUSTOMER_NUMBER, List.of("Customer No", "Customer Number", "Customer #", "Account",
                "Account No", "Account Number", "Cust. No", "Cust No", "Customer ID", "Customer Nr", "Client No",
                "Debtor No", "Customer Account"));
        SYNONYMS.put(Concept.CUSTOMER_NAME, List.of("Bill to", "Billed to", "From", "Buyer", "Customer", "Sold to",
                "Invoice to", "Ordered by", "Purchaser", "Customer name", "Company"));
        SYNONYMS.put(Concept.ORDER_DATE, List.of("Order Date", "Date", "Dated", "PO Date", "Date of order",
                "Order Dated", "Date ordered", "Issue Date", "Date issued"));
        SYNONYMS.put(Concept.DELIVERY_DATE, List.of("Requested Delivery", "Requested Delivery Date", "Deliver by",
                "Delivery Date", "Required by", "Required Date", "Delivery Required", "Delivery", "Due Date",
                "Needed by", "Date Required", "Requested Date", "Requested by", "Ship Date", "Delivery by"));
        SYNONYMS.put(Concept.DELIVERY_ADDRESS, List.of("Ship to", "Deliver to", "Delivery address", "Ship-to",
                "Delivery to", "Shipping address", "Consignee", "Deliver goods to"));
        SYNONYMS.put(Concept.SUPPLIER, List.of("Supplier", "Vendor", "To", "Seller", "Supplied by"));
        SYNONYMS.put(Concept.TOTAL, List.of("Total", "Order Total", "Total Amount", "Total Due", "Amount due",
                "Total EUR", "Total value", "Order value", "Balance due", "Total payable", "Net total"));
        SYNONYMS.put(Concept.GRAND_TOTAL, List.of("Grand total", "Grand total EUR", "Total order value"));
        SYNONYMS.put(Concept.SUBTOTAL, List.of("Subtotal", "Sub-total", "Sub total", "Goods value", "Net value"));
        SYNONYMS.put(Concept.TAX, List.of("VAT", "Tax", "Sales tax", "Shipping", "Freight", "Carriage"));
        SYNONYMS.put(Concept.COL_SKU, List.of("SKU", "Item", "Item No", "Item Number", "Item #", "Item code",
                "Article No", "Article Number", "Art. No", "Art No", "Product code", "Product No", "Code", "Part No",
                "Part Number", "Article", "Our SKU", "Catalogue No", "Cat. No", "Ref"));
        SYNONYMS.put(Concept.COL_DESCRIPTION, List.of("Description", "Item description", "Product",
                "Product description", "Goods", "Particulars", "Product name", "Details", "Designation"));
        SYNONYMS.put(Concept.COL_QTY, List.of("Qty", "Quantity", "Ordered", "Qty ordered", "Order qty", "Units",
                "Pcs", "Quantity ordered", "No. of units", "Qty."));
        SYNONYMS.put(Concept.COL_PRICE, List.of("Unit Price", "Price", "Unit cost", "Price each", "Each", "Rate",
                "Price/Unit", "Unit Price EUR", "Price per unit", "Cost each", "Net price", "Unit"));
        SYNONYMS.put(Concept.COL_AMOUNT, List.of("Amount", "Total", "Line total", "Ext. price", "Extended price",
                "Net amount", "Value", "Line value", "Amount EUR", "Total price", "Net", "Ext price", "Subtotal"));
    }

    /** A normalised synonym with the number of words it spans in print. */
    private record Synonym(Concept concept, String key, int words, String printed) {
    }

    private static final List<Synonym> ALL = new ArrayList<>();

    static {
        SYNONYMS.forEach((concept, names) -> names.forEach(name ->
                ALL.add(new Synonym(concept, key(name), name.trim().split("\\s+").length,
                        name.replaceAll("[:.\\s]+$", "")))));
    }

    /** Keys of the single words column headers are made of ("unit", "price", "qty"), for splitting glued words. */
    static final java.util.Set<String> COLUMN_WORDS = new java.util.HashSet<>();

    static {
        for (Concept c : COLUMNS) {
            for (String name : SYNONYMS.get(c)) {
                for (String word : name.split("\\s+")) {
                    String k = key(word);
                    if (k.length() >= 2) {
                        COLUMN_WORDS.add(k);
                    }
                }
            }
        }
    }

    private Labels() {
    }

    /**
     * Where OCR ran two header words together ("AMOUNTQTY", "UNITPRICE"), the lengths of the known words they
     * split into; null when the word is not such a compound.
     */
    static int[] splitCompound(String word) {
        String k = key(word);
        if (k.length() < 5 || COLUMN_WORDS.contains(k) || k.length() != word.replaceAll("[^\\p{L}\\p{N}#]", "").length()) {
            return null;
        }
        for (int i = 2; i <= k.length() - 2; i++) {
            if (COLUMN_WORDS.contains(k.substring(0, i)) && COLUMN_WORDS.contains(k.substring(i))) {
                return new int[] {i, k.length() - i};
            }
        }
        return null;
    }

    /** A label found in a row: words {@code from} (inclusive) to {@code to} (exclusive). */
    record Match(Concept concept, int from, int to, double quality) {
    }

    /** Text with accents, punctuation and case removed and OCR look-alikes folded, for comparing labels. */
    static String key(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replace("rn", "m").replace("vv", "w");
        StringBuilder out = new StringBuilder(plain.length());
        for (char c : plain.toCharArray()) {
            switch (c) {
                case '0', 'q' -> out.append('o');
                case '1', 'i', '|', '!', 'l' -> out.append('l');
                case '5' -> out.append('s');
                case '8' -> out.append('b');
                case '#' -> out.append('#');
                default -> {
                    if (c >= 'a' && c <= 'z') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * How well text matches a normalised synonym: 1 for the same characters, 0.97 when only OCR look-alikes
     * differ, 0.88 for one further edit in a label of at least six letters, 0.78 for two in one of ten; else 0.
     */
    static double quality(String text, String synonymKey, boolean exactRaw) {
        return qualityOfKey(key(text), synonymKey, exactRaw);
    }

    private static double qualityOfKey(String k, String synonymKey, boolean exactRaw) {
        if (k.isEmpty()) {
            return 0;
        }
        if (k.equals(synonymKey)) {
            return exactRaw ? 1.0 : 0.97;
        }
        if (synonymKey.indexOf('#') >= 0 || k.indexOf('#') >= 0) {
            return 0;
        }
        int len = synonymKey.length();
        int allowed = len >= 10 ? 2 : len >= 6 ? 1 : 0;
        if (allowed == 0 || Math.abs(k.length() - len) > allowed) {
            return 0;
        }
        int d = EditDistance.of(k, synonymKey);
        return d == 1 && allowed >= 1 ? 0.88 : d == 2 && allowed >= 2 ? 0.78 : 0;
    }

    /**
     * Labels of the given concepts in a row of words, longest first, not overlapping. {@code claimed} marks words
     * already used by another label or value.
     */
    static List<Match> find(List<String> words, List<Concept> concepts, boolean[] claimed) {
        List<Match> found = new ArrayList<>();
        boolean[] used = claimed.clone();
        // exact matches first, so a fuzzy "PO Date" cannot swallow "PO #" beside "Date"; within a pass, left to
        // right taking the longest label at each word, so "Line Total" wins over "Total Price" in "Line Total Price"
        for (boolean fuzzy : new boolean[] {false, true}) {
            for (int from = 0; from < words.size(); from++) {
                Match best = null;
                for (int span = 1; span <= 4 && from + span <= words.size(); span++) {
                    if (anyUsed(used, from, from + span) || anyNumber(words, from, from + span)) {
                        break;
                    }
                    String joined = String.join(" ", words.subList(from, from + span));
                    String raw = joined.replaceAll("[:.\\s]+$", "");
                    String key = key(joined);
                    for (Synonym s : ALL) {
                        if (!concepts.contains(s.concept()) || Math.abs(span - s.words()) > 1) {
                            continue;
                        }
                        double q = qualityOfKey(key, s.key(), raw.equalsIgnoreCase(s.printed()));
                        if (q > 0 && (fuzzy || q >= 0.97)
                                && (best == null || span > best.to() - best.from()
                                        || (span == best.to() - best.from() && q > best.quality()))) {
                            best = new Match(s.concept(), from, from + span, q);
                        }
                    }
                }
                if (best != null) {
                    found.add(best);
                    for (int i = best.from(); i < best.to(); i++) {
                        used[i] = true;
                    }
                    from = best.to() - 1;
                }
            }
        }
        Collections.sort(found, (a, b) -> a.from() - b.from());
        return found;
    }

    /**
     * Words that are numbers are values, never part of a label ("9" in "Order Date: 9 Jan"); 0, 1, 5 and 8 inside a
     * word with letters are OCR look-alikes ("P0 Number").
     */
    private static boolean anyNumber(List<String> words, int from, int to) {
        for (int i = from; i < to; i++) {
            String w = words.get(i);
            boolean letters = w.chars().anyMatch(Character::isLetter);
            boolean realDigits = w.chars().anyMatch(c -> Character.isDigit(c) && "0158".indexOf(c) < 0);
            if (!letters && w.chars().anyMatch(Character::isDigit) || realDigits) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyUsed(boolean[] used, int from, int to) {
        for (int i = from; i < to; i++) {
            if (used[i]) {
                return true;
            }
        }
        return false;
    }
}
