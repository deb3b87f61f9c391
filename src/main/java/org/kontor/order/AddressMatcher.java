package org.kontor.order;

import java.text.Normalizer;
import java.util.Locale;
import org.kontor.document.extract.EditDistance;

/**
 * Whether an address read from a scan is a known address misread. OCR with an English model drops or garbles
 * umlauts and the ß ("Osterstrae", "Ménckebergstraße") and confuses b/p/o; it does not invent or drop whole words.
 * So two addresses are the same when their house numbers and postcodes (every digit) agree exactly and their
 * letters differ by a few edits: a different number is a different address, never an OCR slip to correct.
 */
final class AddressMatcher {

    private AddressMatcher() {
    }

    static boolean sameAddress(String read, String known) {
        if (read == null || known == null) {
            return false;
        }
        String a = letters(read);
        String b = letters(known);
        if (!digits(read).equals(digits(known)) || a.length() < 6 || b.length() < 6) {
            return false;
        }
        int allowed = Math.max(1, Math.min(a.length(), b.length()) / 7);
        return EditDistance.of(a, b) <= allowed;
    }

    private static String digits(String s) {
        return s.replaceAll("\\D+", " ").strip();
    }

    private static String letters(String s) {
        String plain = Normalizer.normalize(s.replace("ß", "ss"), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "");
    }
}
