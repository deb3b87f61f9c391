package org.kontor.document.extract;

import java.util.ArrayList;
import java.util.List;
import org.kontor.document.digitise.OcrPage;
import org.kontor.document.digitise.OcrRegion;
import org.kontor.document.digitise.OcrRegionFinder;
import org.kontor.document.extract.Labels.Concept;
import org.kontor.document.extract.Layout.Word;
import org.springframework.stereotype.Component;

/**
 * Points digitising at the values of a purchase order's PO number and dates, found by their labels in the first
 * reading, to be read again each on its own as one line. Tesseract gives identifiers and dates low word confidences
 * where its language model finds no word, also when every glyph is right; a second reading of the value alone that
 * comes back the same is evidence the raw confidence cannot give. Small crops: a few words each.
 */
@Component
public class HeaderValueRegion implements OcrRegionFinder {

    private static final List<Concept> FIELDS = List.of(Concept.PO_NUMBER, Concept.ORDER_DATE, Concept.DELIVERY_DATE);
    /** Candidate values read again per field: the label may be found more than once. */
    private static final int MAX_PER_FIELD = 2;

    @Override
    public List<Region> regionsToReread(OcrPage page) {
        Layout layout = Layout.of(List.of(page));
        LineTableReader.Table table = new LineTableReader(layout, PurchaseOrderExtractor.decimalConvention(layout)).read();
        HeaderReader header = new HeaderReader(layout, table.found() ? table.headerRow() : Integer.MAX_VALUE,
                table.found() ? table.endRow() : Integer.MAX_VALUE);
        List<Region> regions = new ArrayList<>();
        for (Concept concept : FIELDS) {
            int n = 0;
            for (HeaderReader.Hit hit : header.hits(concept)) {
                for (HeaderReader.Value v : header.values(hit)) {
                    List<Word> words = valueWords(v.words());
                    if (words.isEmpty() || !v.text().matches(".*\\d.*") || n >= MAX_PER_FIELD) {
                        continue;
                    }
                    int x0 = words.stream().mapToInt(Word::x).min().orElse(0);
                    int x1 = words.stream().mapToInt(Word::right).max().orElse(0);
                    int y0 = words.stream().mapToInt(Word::y).min().orElse(0);
                    int y1 = words.stream().mapToInt(w -> w.y() + w.h()).max().orElse(0);
                    // a margin of half a text height: enough white for Tesseract, too little for a rule or a speck;
                    // sideways never past half the gap to the next word, whose edge ("#:", a label's colon) would
                    // come back glued to the value ("-ORD-97131") and make the two readings disagree
                    int pad = Math.max(4, (y1 - y0) / 2);
                    int left = Math.max(0, x0 - pad);
                    int right = Math.min(page.width(), x1 + pad);
                    Word first = words.get(0);
                    List<Word> row = layout.rows.stream().filter(r -> r.words().contains(first)).findFirst()
                            .map(Layout.Row::words).orElse(List.of());
                    for (Word other : row) {
                        if (words.contains(other)) {
                            continue;
                        }
                        if (other.right() <= x0) {
                            left = Math.max(left, (other.right() + x0 + 1) / 2);
                        } else if (other.x() >= x1) {
                            right = Math.min(right, (x1 + other.x()) / 2);
                        }
                    }
                    int top = Math.max(0, y0 - pad);
                    regions.add(new Region(left, top, right - left, Math.min(page.height(), y1 + pad) - top,
                            OcrRegion.Kind.FIELD));
                    n++;
                }
            }
        }
        return regions;
    }

    /** A value's words without the specks beside it. */
    static List<Word> valueWords(List<Word> words) {
        return words.stream().filter(Word::hasText).toList();
    }
}
