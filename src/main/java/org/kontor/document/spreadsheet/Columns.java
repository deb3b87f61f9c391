package org.kontor.document.spreadsheet;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A header row, matched case-, space- and punctuation-insensitively: {@code "Unit Price"},
 * {@code "unit_price"} and {@code "UNIT-PRICE"} are the same column. Column order is free.
 */
public final class Columns {

    private final Map<String, Integer> indexByName = new HashMap<>();

    private Columns(List<String> header) {
        for (int i = 0; i < header.size(); i++) {
            indexByName.putIfAbsent(normalise(header.get(i)), i);
        }
    }

    public static Columns of(List<String> header) {
        return new Columns(header);
    }

    /** Index of the first of {@code names} (a column and its synonyms) present in the header. */
    public Optional<Integer> find(String... names) {
        for (String name : names) {
            Integer index = indexByName.get(normalise(name));
            if (index != null) {
                return Optional.of(index);
            }
        }
        return Optional.empty();
    }

    public static String normalise(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "_");
        return lower.replaceAll("^_+|_+$", "");
    }
}
