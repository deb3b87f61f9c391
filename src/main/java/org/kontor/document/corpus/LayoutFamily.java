package org.kontor.document.corpus;

import java.util.Random;

/**
 * A page template: where the title and the parties go, how fields are labelled, how tables are drawn and
 * where totals sit. Families are numbered; the number decides both the template and the split, so the
 * splits never share one. Some traits (labels above values, pipe-ruled tables, right-aligned titles) are
 * reserved for families outside the training split, so unseen layouts really differ from the seen ones.
 */
public record LayoutFamily(
        int index,
        CorpusSplit split,
        Align titleAlign,
        boolean companyFirst,
        boolean twoColumnParties,
        boolean metaBesideCompany,
        MetaStyle metaStyle,
        long columnOrderSeed,
        Totals totals,
        char rule,
        boolean upperCaseLabels,
        boolean pipeTable,
        boolean footerBlock) {

    public enum Align { LEFT, CENTER, RIGHT }

    public enum MetaStyle {
        /** {@code Invoice No: 123} */
        COLON,
        /** {@code Invoice No .......... 123} */
        PADDED,
        /** all labels in one row, values in the row below */
        TABLE,
        /** label on its own line, value underneath (unseen in training) */
        ABOVE
    }

    public enum Totals { BELOW_TABLE, RIGHT_BLOCK, TOP_SUMMARY, NONE_SHOWN }

    public static final int TRAIN_FAMILIES = 24;
    public static final int VALIDATION_FAMILIES = 8;
    public static final int HELD_OUT_FAMILIES = 12;

    public static int firstIndex(CorpusSplit split) {
        return switch (split) {
            case TRAIN -> 0;
            case VALIDATION -> TRAIN_FAMILIES;
            case HELD_OUT -> TRAIN_FAMILIES + VALIDATION_FAMILIES;
        };
    }

    public static int count(CorpusSplit split) {
        return switch (split) {
            case TRAIN -> TRAIN_FAMILIES;
            case VALIDATION -> VALIDATION_FAMILIES;
            case HELD_OUT -> HELD_OUT_FAMILIES;
        };
    }

    public static LayoutFamily of(int index) {
        CorpusSplit split = index < TRAIN_FAMILIES ? CorpusSplit.TRAIN
                : index < TRAIN_FAMILIES + VALIDATION_FAMILIES ? CorpusSplit.VALIDATION : CorpusSplit.HELD_OUT;
        boolean unseen = split != CorpusSplit.TRAIN;
        Random r = new Random(0x4B6F6E74L * 1_000_003L + index);
        Align align = unseen && r.nextInt(3) == 0 ? Align.RIGHT : (r.nextBoolean() ? Align.LEFT : Align.CENTER);
        MetaStyle meta = MetaStyle.values()[r.nextInt(unseen ? 4 : 3)];
        Totals totals = Totals.values()[r.nextInt(4)];
        char rule = "-=_ ".charAt(r.nextInt(4));
        if (unseen && r.nextInt(3) == 0) {
            rule = r.nextBoolean() ? '*' : '~';
        }
        return new LayoutFamily(index, split, align, r.nextBoolean(), r.nextBoolean(), r.nextBoolean(), meta,
                r.nextLong(), totals, rule, r.nextInt(3) == 0, unseen && r.nextBoolean(), r.nextBoolean());
    }

    public String id() {
        return "L" + index;
    }
}
