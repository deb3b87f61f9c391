package org.kontor.inventory.count;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Line lists typed by people: "3, 7-9; 12". */
final class LineNumbers {

    private static final int MAX_RANGE = 10_000;

    private LineNumbers() {
    }

    static Set<Integer> parse(String text, String field, List<String> problems) {
        Set<Integer> numbers = new TreeSet<>();
        if (text == null || text.isBlank()) {
            return numbers;
        }
        for (String part : text.split("[,;\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            String[] range = part.split("-", -1);
            try {
                if (range.length == 1) {
                    numbers.add(Integer.parseInt(part));
                } else if (range.length == 2) {
                    int from = Integer.parseInt(range[0]);
                    int to = Integer.parseInt(range[1]);
                    if (from > to || to - from > MAX_RANGE) {
                        problems.add(field + ": '" + part + "' is not a range from low to high.");
                        continue;
                    }
                    for (int n = from; n <= to; n++) {
                        numbers.add(n);
                    }
                } else {
                    problems.add(field + ": '" + part + "' is not a line number or range.");
                }
            } catch (NumberFormatException e) {
                problems.add(field + ": '" + abbreviate(part) + "' is not a line number or range (e.g. 3, 7-9).");
            }
        }
        return numbers;
    }

    private static String abbreviate(String s) {
        return s.length() <= 20 ? s : s.substring(0, 17) + "...";
    }
}
