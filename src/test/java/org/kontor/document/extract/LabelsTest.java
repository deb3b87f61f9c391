package org.kontor.document.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kontor.document.extract.Labels.Concept;

class LabelsTest {

    private static List<Labels.Match> find(String row, List<Concept> concepts) {
        List<String> words = Arrays.asList(row.split(" +"));
        return Labels.find(words, concepts, new boolean[words.size()]);
    }

    @Test
    void ocrLookAlikesInLabelsStillMatch() {
        assertThat(find("P0 Number: 4711", Labels.HEADER)).singleElement()
                .satisfies(m -> assertThat(m.concept()).isEqualTo(Concept.PO_NUMBER));
        assertThat(find("Cust0mer N0.: C-10001", Labels.HEADER)).singleElement()
                .satisfies(m -> assertThat(m.concept()).isEqualTo(Concept.CUSTOMER_NUMBER));
        assertThat(find("Purchase 0rder Nunber: 4711", Labels.HEADER)).singleElement()
                .satisfies(m -> {
                    assertThat(m.concept()).isEqualTo(Concept.PO_NUMBER);
                    assertThat(m.quality()).isLessThan(0.9);
                });
    }

    @Test
    void exactWordingScoresHigherThanLookAlikes() {
        assertThat(Labels.quality("PO Number", Labels.key("PO Number"), true)).isEqualTo(1.0);
        assertThat(Labels.quality("P0 Nurnber", Labels.key("PO Number"), false)).isEqualTo(0.97);
        assertThat(Labels.quality("Date", Labels.key("Dated"), false)).isZero();
        // Q and O are look-alikes ("Oty" is how some fonts' Qty comes back); any other slip in a short label is not
        assertThat(Labels.quality("Oty", Labels.key("Qty"), false)).isEqualTo(0.97);
        assertThat(Labels.quality("Qtv", Labels.key("Qty"), false)).isZero();
    }

    @Test
    void theLongestLabelAtEachWordWins() {
        List<Labels.Match> header = find("SKU Line Total Unit Price Qty", Labels.COLUMNS);
        assertThat(header).extracting(Labels.Match::concept)
                .containsExactly(Concept.COL_SKU, Concept.COL_AMOUNT, Concept.COL_PRICE, Concept.COL_QTY);
        assertThat(find("PO # Date", Labels.HEADER)).extracting(Labels.Match::concept)
                .containsExactly(Concept.PO_NUMBER, Concept.ORDER_DATE);
        assertThat(find("Requested Delivery Date: 2025-01-02", Labels.HEADER)).singleElement()
                .satisfies(m -> assertThat(m.to()).isEqualTo(3));
    }

    @Test
    void numbersAreNeverPartOfALabel() {
        assertThat(find("Order Date: 9 Jan 2026", Labels.HEADER)).singleElement()
                .satisfies(m -> assertThat(m.to()).isEqualTo(2));
    }
}
