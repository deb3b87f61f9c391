package org.kontor.document.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.kontor.document.extract.NumberParser.Decimal;

class NumberParserTest {

    private static BigDecimal value(String text) {
        NumberParser.Parsed p = NumberParser.parse(text, Decimal.UNKNOWN);
        return p == null ? null : p.value();
    }

    @Test
    void readsBothConventionsAndStripsCurrencies() {
        assertThat(value("1,234.50")).isEqualByComparingTo("1234.50");
        assertThat(value("1.234,50")).isEqualByComparingTo("1234.50");
        assertThat(value("1234.5")).isEqualByComparingTo("1234.5");
        assertThat(value("12,50")).isEqualByComparingTo("12.50");
        assertThat(value("EUR 1,234.50")).isEqualByComparingTo("1234.50");
        assertThat(value("1.234,50 EUR")).isEqualByComparingTo("1234.50");
        assertThat(value("€8.40")).isEqualByComparingTo("8.40");
        assertThat(value("$ 19.99")).isEqualByComparingTo("19.99");
        assertThat(value("1,234,567.89")).isEqualByComparingTo("1234567.89");
    }

    @Test
    void aLoneSeparatorBeforeThreeDigitsFollowsTheDocument() {
        NumberParser.Parsed unknown = NumberParser.parse("1.234", Decimal.UNKNOWN);
        assertThat(unknown.ambiguous()).isTrue();
        assertThat(NumberParser.parse("1.234", Decimal.POINT).value()).isEqualByComparingTo("1.234");
        assertThat(NumberParser.parse("1.234", Decimal.COMMA).value()).isEqualByComparingTo("1234");
        assertThat(NumberParser.evidence("1.234,50")).isEqualTo(Decimal.COMMA);
        assertThat(NumberParser.evidence("12.50")).isEqualTo(Decimal.POINT);
    }

    @Test
    void refusesWhatIsNotANumber() {
        assertThat(value("Total: 121.00")).isNull();
        assertThat(value("1,23,4.5")).isNull();
        assertThat(value("abc")).isNull();
        assertThat(value("12.34.56,7")).isNull();
    }

    @Test
    void quantitiesMustBeWholeAndPositive() {
        assertThat(NumberParser.quantity("12", Decimal.UNKNOWN)).isEqualTo(12);
        assertThat(NumberParser.quantity("1,000", Decimal.POINT)).isEqualTo(1000);
        assertThat(NumberParser.quantity("12.00", Decimal.POINT)).isEqualTo(12);
        assertThat(NumberParser.quantity("2.5", Decimal.POINT)).isNull();
        assertThat(NumberParser.quantity("0", Decimal.POINT)).isNull();
        assertThat(NumberParser.quantity("-3", Decimal.POINT)).isNull();
    }

    @Test
    void lettersOcrPutAmongDigitsAreRepairedAndMarked() {
        NumberParser.Parsed p = NumberParser.parse("1O.5O", Decimal.POINT);
        assertThat(p.value()).isEqualByComparingTo("10.50");
        assertThat(p.ocrRepaired()).isTrue();
    }
}
