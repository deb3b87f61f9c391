package org.kontor.order;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.kontor.document.extract.EditDistance;
import org.kontor.masterdata.MasterDataService;
import org.kontor.masterdata.Product;
import org.springframework.stereotype.Component;

/**
 * Resolves SKUs as written on orders to the catalogue: exactly, or through the confusions OCR makes (O/0,
 * I/l/1, S/5, B/8, Z/2, G/6, lost hyphens and spaces). A fuzzy match counts only when it is the single
 * candidate and the line's description shares a word with the product name: a wrong article is worse
 * than a question to a clerk.
 */
@Component
public class SkuMatcher {

    public enum Kind {
        EXACT,
        CONFUSABLE_CONFIRMED,
        CONFUSABLE_UNCONFIRMED,
        AMBIGUOUS,
        UNKNOWN
    }

    public record Match(Kind kind, Product product, List<Product> candidates) {
        public boolean resolved() {
            return kind == Kind.EXACT || kind == Kind.CONFUSABLE_CONFIRMED;
        }
    }

    private final MasterDataService masterData;

    SkuMatcher(MasterDataService masterData) {
        this.masterData = masterData;
    }

    public Match match(String written, String description) {
        if (written == null || written.isBlank()) {
            return new Match(Kind.UNKNOWN, null, List.of());
        }
        String sku = written.strip().toUpperCase(Locale.ROOT);
        Optional<Product> exact = masterData.product(sku);
        if (exact.isPresent()) {
            return new Match(Kind.EXACT, exact.get(), List.of(exact.get()));
        }
        Optional<Product> sameCharacters = onlySeparatorsLost(sku);
        if (sameCharacters.isPresent()) {
            // no look-alike was guessed, so there is nothing for the description to confirm
            return new Match(Kind.CONFUSABLE_CONFIRMED, sameCharacters.get(), List.of(sameCharacters.get()));
        }
        String key = canonical(sku);
        List<Product> candidates = new ArrayList<>();
        for (Product product : masterData.allProducts()) {
            if (canonical(product.sku()).equals(key)) {
                candidates.add(product);
            }
        }
        if (candidates.isEmpty()) {
            return oneSlipAway(key, description);
        }
        if (candidates.size() > 1) {
            return new Match(Kind.AMBIGUOUS, null, candidates);
        }
        Product candidate = candidates.get(0);
        return new Match(describes(description, candidate.name()) ? Kind.CONFUSABLE_CONFIRMED : Kind.CONFUSABLE_UNCONFIRMED,
                candidate, candidates);
    }

    /**
     * Whether master data vouches for a SKU the scan gave with little confidence: the catalogue has exactly that SKU,
     * and the line's description is that product's name up to a few OCR slips and nearer to it than to any other
     * product's name; or, without a description, the unit price is the catalogue price and no product of that price
     * has a SKU one character away. Sharing a word is not enough here ("Nitrile gloves M" and "... L").
     */
    public boolean confirms(String written, String description, BigDecimal unitPrice) {
        Optional<Product> found = listed(written);
        if (found.isEmpty()) {
            return false;
        }
        Product product = found.get();
        if (description != null && !description.isBlank()) {
            return named(description, product);
        }
        if (unitPrice == null || product.unitPrice() == null || product.unitPrice().compareTo(unitPrice) != 0) {
            return false;
        }
        String key = canonical(product.sku());
        return masterData.allProducts().stream().filter(p -> !p.sku().equals(product.sku()))
                .noneMatch(p -> p.unitPrice() != null && p.unitPrice().compareTo(unitPrice) == 0
                        && EditDistance.of(canonical(p.sku()), key) <= 1);
    }

    /** Whether the catalogue lists this SKU (as written, or with only its separator lost) at exactly this unit price. */
    public boolean listsPrice(String written, BigDecimal unitPrice) {
        return unitPrice != null && listed(written)
                .map(p -> p.unitPrice() != null && p.unitPrice().compareTo(unitPrice) == 0).orElse(false);
    }

    /** The product a SKU read from a document is, as written or with only its separator lost; empty for none. */
    private Optional<Product> listed(String written) {
        if (written == null || written.isBlank()) {
            return Optional.empty();
        }
        String sku = written.strip().toUpperCase(Locale.ROOT);
        return masterData.product(sku).or(() -> onlySeparatorsLost(sku));
    }

    /**
     * "CL3001" or "WH4030" for CL-3001, WH-4030: every letter and digit as in the catalogue, only a separator lost,
     * which no other SKU differs by.
     */
    private Optional<Product> onlySeparatorsLost(String sku) {
        String bare = withoutSeparators(sku);
        List<Product> same = masterData.allProducts().stream()
                .filter(p -> withoutSeparators(p.sku()).equals(bare)).toList();
        return same.size() == 1 ? Optional.of(same.get(0)) : Optional.empty();
    }

    /**
     * "OR-1010" for OF-1010: one slip OCR has no look-alike rule for, which only the description can settle, when it
     * names the one product whose SKU is that slip away.
     */
    private Match oneSlipAway(String key, String description) {
        if (description == null || description.isBlank() || key.length() < 4) {
            return new Match(Kind.UNKNOWN, null, List.of());
        }
        List<Product> near = masterData.allProducts().stream()
                .filter(p -> EditDistance.of(canonical(p.sku()), key) == 1).toList();
        List<Product> named = near.stream().filter(p -> named(description, p)).toList();
        return named.size() == 1 ? new Match(Kind.CONFUSABLE_CONFIRMED, named.get(0), near)
                : new Match(Kind.UNKNOWN, null, List.of());
    }

    /**
     * Whether a description read from a document is this product's name up to a few OCR slips ("100 eles" for
     * "100 pcs") and nearer to it than to any other product's name; the more slips, the further away every other name
     * must be. Sharing a word is not enough ("Nitrile gloves M" and "... L").
     */
    private boolean named(String description, Product product) {
        String read = letters(description);
        String name = letters(product.name());
        int own = EditDistance.of(read, name);
        if (own > Math.max(2, name.length() / 5)) {
            return false;
        }
        int margin = own <= Math.max(2, name.length() / 8) ? 0 : name.length() / 4;
        return masterData.allProducts().stream().filter(p -> !p.sku().equals(product.sku()))
                .noneMatch(p -> EditDistance.of(read, letters(p.name())) <= own + margin);
    }

    private static String letters(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }

    private static String withoutSeparators(String sku) {
        return sku.toUpperCase(Locale.ROOT).replaceAll("[-_ ./\u2013\u2014]", "");
    }

    /** Both spellings of an OCR confusion map to one character; separators vanish. */
    static String canonical(String sku) {
        StringBuilder out = new StringBuilder(sku.length());
        for (char c : sku.toUpperCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case 'O' -> out.append('0');
                case 'I', 'L', '|', '!' -> out.append('1');
                case 'S', '$' -> out.append('5');
                case 'B' -> out.append('8');
                case 'Z' -> out.append('2');
                case 'G' -> out.append('6');
                case '-', '_', ' ', '.', '/', '\u2013', '\u2014' -> { }
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static boolean describes(String description, String productName) {
        if (description == null || description.isBlank()) {
            return false;
        }
        Set<String> words = words(productName);
        for (String word : words(description)) {
            if (words.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() >= 3 && !w.chars().allMatch(Character::isDigit)) {
                words.add(w);
            }
        }
        return words;
    }
}
