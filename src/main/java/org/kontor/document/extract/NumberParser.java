package org.kontor.document.extract;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Reads amounts and quantities as printed: {@code 1,234.50}, {@code 1.234,50}, {@code 1 234,50}, {@code 1234.5},
 * with currency symbols and codes around them. A lone separator followed by three digits ({@code 1.234}) could
 * be either convention; the document's convention decides when known, else it is read as thousands and marked
 * ambiguous.
 */
final class NumberParser {

    /** Which character a document uses for decimals, when its unambiguous numbers say so. */
    enum Decimal { POINT, COMMA, UNKNOWN }

    record Parsed(BigDecimal value, boolean ambiguous, boolean ocrRepaired) {
    }

    private static final Pattern CURRENCY = Pattern.compile("(?i)(eur|usd|gbp|chf|pln|dkk|sek|nok|€|\\$|£|euro?s?)");
    private static final Pattern SHAPE = Pattern.compile("-?\\d[\\d.,' ]*");

    private NumberParser() {
    }

    static Parsed parse(String text, Decimal convention) {
        if (text == null) {
            return null;
        }
        String s = CURRENCY.matcher(text.strip()).replaceAll("").strip();
        boolean repaired = false;
        if (!s.matches(".*\\d.*")) {
            return null;
        }
        if (s.matches(".*\\p{L}{2,}.*")) {
            // words around a number ("Total: 121.00") make it a label's value, not a cell's number
            return null;
        }
        if (s.matches(".*\\d[:;]\\d{2}\\b.*|.*\\d[.,]?[:;][.,]?\\d.*")) {
            // OCR reads a decimal point as a colon ("17:90", "2.:35")
            s = s.replaceAll("[.,]?[:;][.,]?", ".");
            repaired = true;
        }
        String fixed = repair(s);
        if (!fixed.equals(s)) {
            repaired = true;
            s = fixed;
        }
        s = s.replaceAll("^[^\\d-]+|[^\\d]+$", "");
        boolean negative = s.startsWith("-");
        if (negative) {
            s = s.substring(1);
        }
        if (!SHAPE.matcher(s).matches()) {
            return null;
        }
        // OCR puts a space after a thousands separator now and then: "1, 341.60"
        s = s.replaceAll("(\\d[.,]) (\\d{3})", "$1$2");
        if (s.contains(" ") && !s.matches("\\d{1,3}( \\d{3})+([.,]\\d{1,2})?")) {
            // "89.00 3" is a price and a speck, not 89.003; only thousands may be separated by spaces
            return null;
        }
        s = s.replace(" ", "").replace("'", "");
        int lastDot = s.lastIndexOf('.');
        int lastComma = s.lastIndexOf(',');
        String integer;
        String fraction = "";
        boolean ambiguous = false;
        if (lastDot >= 0 && lastComma >= 0) {
            char dec = lastDot > lastComma ? '.' : ',';
            char thou = dec == '.' ? ',' : '.';
            int at = s.lastIndexOf(dec);
            integer = s.substring(0, at);
            fraction = s.substring(at + 1);
            if (integer.indexOf(dec) >= 0 || !groupsOfThree(integer, thou)) {
                return null;
            }
            integer = integer.replace(String.valueOf(thou), "");
        } else if (lastDot >= 0 || lastComma >= 0) {
            char sep = lastDot >= 0 ? '.' : ',';
            int count = s.length() - s.replace(String.valueOf(sep), "").length();
            int at = s.lastIndexOf(sep);
            String tail = s.substring(at + 1);
            if (count > 1) {
                if (!groupsOfThree(s, sep)) {
                    return null;
                }
                integer = s.replace(String.valueOf(sep), "");
            } else if (tail.length() == 3 && at <= 3 && at > 0) {
                boolean decimal = convention == (sep == '.' ? Decimal.POINT : Decimal.COMMA);
                ambiguous = convention == Decimal.UNKNOWN;
                if (decimal) {
                    integer = s.substring(0, at);
                    fraction = tail;
                } else {
                    integer = s.replace(String.valueOf(sep), "");
                }
            } else if (tail.length() <= 2 || tail.length() == 3) {
                integer = s.substring(0, at);
                fraction = tail;
            } else {
                return null;
            }
        } else {
            integer = s;
        }
        if (integer.isEmpty() || !integer.chars().allMatch(Character::isDigit)
                || !fraction.chars().allMatch(Character::isDigit)) {
            return null;
        }
        BigDecimal value = new BigDecimal(fraction.isEmpty() ? integer : integer + "." + fraction);
        return new Parsed(negative ? value.negate() : value, ambiguous, repaired);
    }

    /** A whole, positive quantity: {@code 12}, {@code 1,000}, {@code 12.00}; null otherwise. */
    static Integer quantity(String text, Decimal convention) {
        if (text == null || CURRENCY.matcher(text).find()) {
            // money is never a quantity: a totals line's amount under the quantity column
            return null;
        }
        Parsed p = parse(text, convention);
        if (p == null || p.value().signum() <= 0) {
            return null;
        }
        try {
            return p.value().stripTrailingZeros().intValueExact();
        } catch (ArithmeticException notWhole) {
            return null;
        }
    }

    /** The decimal separator a single number proves, or UNKNOWN. */
    static Decimal evidence(String text) {
        String s = text.replaceAll("[^\\d.,]", "");
        if (s.matches("\\d{1,3}(,\\d{3})*\\.\\d{1,2}") || s.matches("\\d+\\.\\d{1,2}")) {
            return Decimal.POINT;
        }
        if (s.matches("\\d{1,3}(\\.\\d{3})*,\\d{1,2}") || s.matches("\\d+,\\d{1,2}")) {
            return Decimal.COMMA;
        }
        return Decimal.UNKNOWN;
    }

    private static boolean groupsOfThree(String integer, char sep) {
        String[] groups = integer.split(Pattern.quote(String.valueOf(sep)), -1);
        if (groups[0].isEmpty() || groups[0].length() > 3) {
            return groups.length == 1;
        }
        for (int i = 1; i < groups.length; i++) {
            if (groups[i].length() != 3) {
                return false;
            }
        }
        return true;
    }

    /** O, l, I, S and B among digits are the digits OCR mistook them for. */
    private static String repair(String s) {
        StringBuilder out = new StringBuilder(s);
        for (int i = 0; i < out.length(); i++) {
            char digit = switch (out.charAt(i)) {
                case 'O', 'o' -> '0';
                case 'l', 'I', '|' -> '1';
                case 'S' -> '5';
                case 'B' -> '8';
                default -> 0;
            };
            if (digit != 0) {
                boolean l = i > 0 && isNumberChar(out.charAt(i - 1));
                boolean r = i + 1 < out.length() && isNumberChar(out.charAt(i + 1));
                if (l || r) {
                    out.setCharAt(i, digit);
                }
            }
        }
        return out.toString();
    }

    private static boolean isNumberChar(char c) {
        return Character.isDigit(c) || c == '.' || c == ',';
    }
}
