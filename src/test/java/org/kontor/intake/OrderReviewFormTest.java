package org.kontor.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kontor.order.OrderDraft;
import org.kontor.order.OrderLine;

/** The review form's line table as text: what the clerk sees, and what is read back from it. */
class OrderReviewFormTest {

    @Test
    void linesAreShownOnePerLineAndReadBackUnchanged() {
        String text = OrderReviewForm.linesText(List.of(
                new OrderLine(1, "OF-1001", "Copy paper A4", 10, new BigDecimal("4.95"), 0),
                new OrderLine(2, "PK-2010", null, 5, null, 0)));

        assertThat(text).isEqualTo("OF-1001 | 10 | 4.95 | Copy paper A4\nPK-2010 | 5 | ");
        assertThat(OrderReviewForm.parseLinesText(text)).containsExactly(
                new OrderDraft.Line("OF-1001", "Copy paper A4", 10, new BigDecimal("4.95")),
                new OrderDraft.Line("PK-2010", null, 5, null));
    }

    @Test
    void clerkMayTypeSemicolonsOrTabsAndDescriptionsKeepTheirSeparators() {
        assertThat(OrderReviewForm.parseLinesText("\r\n OF-1001;12;4,95;Paper | white; 80 g\n\nPK-2010\t3\t8.40\n"))
                .containsExactly(
                        new OrderDraft.Line("OF-1001", "Paper | white; 80 g", 12, new BigDecimal("4.95")),
                        new OrderDraft.Line("PK-2010", null, 3, new BigDecimal("8.40")));
    }

    @Test
    void whatCannotBeReadIsLeftForValidationToName() {
        assertThat(OrderReviewForm.parseLinesText("OF-1001 | twelve | 4.95\nOF-1002 | 2.5\nOF-1003"))
                .containsExactly(
                        new OrderDraft.Line("OF-1001", null, null, new BigDecimal("4.95")),
                        new OrderDraft.Line("OF-1002", null, -1, null),
                        new OrderDraft.Line("OF-1003", null, null, null));
        assertThat(OrderReviewForm.parseLinesText(null)).isEmpty();
    }
}
