package org.kontor.document.extract;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the date formats purchase orders use: ISO, {@code dd.MM.yyyy}, {@code d MMM yyyy} and {@code MMM d, yyyy}
 * with English month names, and slash dates. A slash date {@code a/b/yyyy} is day-first or month-first by
 * convention only; it is decided when a part is above 12 (or both are equal), and otherwise left ambiguous so
 * that the document's other dates or a clerk decide.
 */
final class DateParser {

    enum SlashOrder { DAY_FIRST, MONTH_FIRST }

    /**
     * @param date          the reading (for an ambiguous slash date: day-first)
     * @param ambiguous     a slash date whose parts could be day or month
     * @param monthFirst    the month-first reading of an ambiguous date
     * @param evidence      what a decided slash date says about the document's convention, else null
     * @param ocrRepaired   characters had to be read as digits (O as 0, l as 1) to parse
     */
    record Parsed(LocalDate date, boolean ambiguous, LocalDate monthFirst, SlashOrder evidence, boolean ocrRepaired) {
    }

    private static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december");
    // no letter or digit may touch a date: "2o25-03-15" must not be read as 25-03-15
    private static final String B = "(?<![\\p{Alnum}])";
    private static final String E = "(?![\\p{Alnum}])";
    private static final Pattern ISO = Pattern.compile(B + "(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})" + E);
    private static final Pattern DOTTED = Pattern.compile(B + "(\\d{1,2})[.-](\\d{1,2})[.-](\\d{4}|\\d{2})" + E);
    private static final Pattern SLASH = Pattern.compile(B + "(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})" + E);
    private static final Pattern DAY_MONTH = Pattern.compile("(\\d{1,2})(?:st|nd|rd|th)?[\\s.-]*([a-z]{3,9})\\.?[\\s.,-]*(\\d{4}|\\d{2})");
    private static final Pattern MONTH_DAY = Pattern.compile("([a-z]{3,9})\\.?\\s*(\\d{1,2})(?:st|nd|rd|th)?[\\s,.]+(\\d{4})");

    private DateParser() {
    }

    /** The date in the text (which may carry words around it), or null. */
    static Parsed parse(String text) {
        if (text == null) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT).strip();
        Parsed p = parseClean(lower, false);
        if (p != null) {
            return p;
        }
        String repaired = repairDigits(lower).replaceAll("(?<![\\p{Alnum}])0(?=[a-z]{2})", "o");
        if (!repaired.equals(lower)) {
            p = parseClean(repaired, true);
        }
        return p;
    }

    private static Parsed parseClean(String s, boolean repaired) {
        Matcher m = ISO.matcher(s);
        if (m.find()) {
            LocalDate d = date(m.group(1), m.group(2), m.group(3));
            if (d != null) {
                return new Parsed(d, false, null, null, repaired);
            }
        }
        m = SLASH.matcher(s);
        if (m.find()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(2));
            String year = m.group(3);
            LocalDate dayFirst = date(year, String.valueOf(b), String.valueOf(a));
            LocalDate monthFirst = date(year, String.valueOf(a), String.valueOf(b));
            if (dayFirst == null && monthFirst == null) {
                return null;
            }
            if (dayFirst == null) {
                return new Parsed(monthFirst, false, null, a != b ? SlashOrder.MONTH_FIRST : null, repaired);
            }
            if (monthFirst == null) {
                return new Parsed(dayFirst, false, null, a != b ? SlashOrder.DAY_FIRST : null, repaired);
            }
            if (dayFirst.equals(monthFirst)) {
                return new Parsed(dayFirst, false, null, null, repaired);
            }
            return new Parsed(dayFirst, true, monthFirst, null, repaired);
        }
        m = DOTTED.matcher(s);
        if (m.find()) {
            // dots and dashes between day, month and year are day-first by convention
            LocalDate d = date(m.group(3), m.group(2), m.group(1));
            if (d != null) {
                return new Parsed(d, false, null, null, repaired);
            }
        }
        m = DAY_MONTH.matcher(s);
        while (m.find()) {
            int month = month(m.group(2));
            if (month > 0) {
                LocalDate d = date(m.group(3), String.valueOf(month), m.group(1));
                if (d != null) {
                    return new Parsed(d, false, null, null, repaired);
                }
            }
        }
        m = MONTH_DAY.matcher(s);
        while (m.find()) {
            int month = month(m.group(1));
            if (month > 0) {
                LocalDate d = date(m.group(3), String.valueOf(month), m.group(2));
                if (d != null) {
                    return new Parsed(d, false, null, null, repaired);
                }
            }
        }
        return null;
    }

    /** An English month name or its abbreviation (Sept too); OCR look-alikes folded. */
    static int month(String word) {
        String w = Labels.key(word);
        if (w.length() < 3) {
            return 0;
        }
        for (int i = 0; i < MONTHS.size(); i++) {
            String name = Labels.key(MONTHS.get(i));
            if (name.equals(w) || (w.length() <= 4 && name.startsWith(w.substring(0, 3))
                    && (w.length() == 3 || name.startsWith(w) || w.equals("sept")))) {
                return i + 1;
            }
        }
        return 0;
    }

    private static String repairDigits(String s) {
        // only characters between digits or next to separators: "2O24-03-l5" but not the month "oct"
        StringBuilder out = new StringBuilder(s);
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            char digit = switch (c) {
                case 'o' -> '0';
                case 'l', 'i', '|' -> '1';
                case 's' -> '5';
                case 'b' -> '8';
                default -> 0;
            };
            if (digit != 0 && neighbourIsDigit(s, i)) {
                out.setCharAt(i, digit);
            }
        }
        return out.toString();
    }

    private static boolean neighbourIsDigit(String s, int i) {
        boolean left = i > 0 && (Character.isDigit(s.charAt(i - 1)) || "-./".indexOf(s.charAt(i - 1)) >= 0);
        boolean right = i + 1 < s.length() && (Character.isDigit(s.charAt(i + 1)) || "-./".indexOf(s.charAt(i + 1)) >= 0);
        boolean leftLetter = i > 0 && Character.isLetter(s.charAt(i - 1));
        boolean rightLetter = i + 1 < s.length() && Character.isLetter(s.charAt(i + 1));
        return (left || right) && !leftLetter && !rightLetter;
    }

    private static LocalDate date(String year, String month, String day) {
        try {
            int y = Integer.parseInt(year);
            if (year.length() == 2) {
                y += 2000;
            }
            if (y < 1990 || y > 2100) {
                return null;
            }
            return LocalDate.of(y, Integer.parseInt(month), Integer.parseInt(day));
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }
}
