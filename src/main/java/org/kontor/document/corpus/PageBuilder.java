package org.kontor.document.corpus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Lays out the parts of a page the way its {@link LayoutFamily} says. */
final class PageBuilder {

    record Field(String label, String value) {
    }

    private final LayoutFamily family;
    private final List<TextLine> lines = new ArrayList<>();

    PageBuilder(LayoutFamily family) {
        this.family = family;
    }

    List<TextLine> lines() {
        return lines;
    }

    void line(String text, LineStyle style) {
        lines.add(TextLine.of(text, style));
    }

    void blank() {
        lines.add(TextLine.blank());
    }

    void rule() {
        if (family.rule() != ' ') {
            lines.add(TextLine.of(String.valueOf(family.rule()).repeat(GeneratedDocument.TEXT_WIDTH - 8), LineStyle.SMALL));
        } else {
            blank();
        }
    }

    void title(String title) {
        double width = title.length() / (double) GeneratedDocument.TEXT_WIDTH * 1.6;
        double x = switch (family.titleAlign()) {
            case LEFT -> 0;
            case CENTER -> Math.max(0, 0.5 - width / 2);
            case RIGHT -> Math.max(0, 0.95 - width);
        };
        lines.add(TextLine.at(x, title, LineStyle.TITLE));
    }

    /** Company block and document fields, beside each other or one under the other. */
    void header(List<String> company, List<Field> fields) {
        List<TextLine> meta = fieldLines(fields, family.metaBesideCompany() ? 0.55 : 0);
        if (family.metaBesideCompany()) {
            List<TextLine> left = new ArrayList<>();
            for (int i = 0; i < company.size(); i++) {
                left.add(TextLine.of(company.get(i), i == 0 ? LineStyle.HEADING : LineStyle.NORMAL));
            }
            side(left, meta);
        } else {
            for (int i = 0; i < company.size(); i++) {
                line(company.get(i), i == 0 ? LineStyle.HEADING : LineStyle.NORMAL);
            }
            blank();
            lines.addAll(meta);
        }
        blank();
    }

    void fields(List<Field> fields) {
        lines.addAll(fieldLines(fields, 0));
    }

    private List<TextLine> fieldLines(List<Field> fields, double x) {
        List<TextLine> out = new ArrayList<>();
        switch (family.metaStyle()) {
            case COLON -> fields.forEach(f -> out.add(TextLine.at(x, f.label() + ": " + f.value(), LineStyle.NORMAL)));
            case PADDED -> fields.forEach(f -> out.add(new TextLine(
                    List.of(new Cell(x, f.label()), new Cell(x + 0.2, f.value())), LineStyle.NORMAL)));
            case TABLE -> {
                List<Cell> labels = new ArrayList<>();
                List<Cell> values = new ArrayList<>();
                double step = Math.min(0.22, (1.0 - x) / Math.max(1, fields.size()));
                for (int i = 0; i < fields.size(); i++) {
                    labels.add(new Cell(x + i * step, fields.get(i).label()));
                    values.add(new Cell(x + i * step, fields.get(i).value()));
                }
                out.add(new TextLine(labels, LineStyle.BOLD));
                out.add(new TextLine(values, LineStyle.NORMAL));
            }
            case ABOVE -> fields.forEach(f -> {
                out.add(TextLine.at(x, f.label(), LineStyle.SMALL));
                out.add(TextLine.at(x, f.value(), LineStyle.NORMAL));
            });
        }
        return out;
    }

    /** Address blocks of the parties: side by side or stacked. */
    void parties(List<String> labels, List<List<String>> blocks) {
        if (family.twoColumnParties() && blocks.size() > 1) {
            List<TextLine> left = party(labels.get(0), blocks.get(0));
            List<TextLine> right = party(labels.get(1), blocks.get(1));
            side(left, right);
            for (int i = 2; i < blocks.size(); i++) {
                blank();
                lines.addAll(party(labels.get(i), blocks.get(i)));
            }
        } else {
            for (int i = 0; i < blocks.size(); i++) {
                lines.addAll(party(labels.get(i), blocks.get(i)));
                blank();
            }
        }
        blank();
    }

    private static List<TextLine> party(String label, List<String> block) {
        List<TextLine> out = new ArrayList<>();
        out.add(TextLine.of(label + ":", LineStyle.BOLD));
        block.forEach(l -> out.add(TextLine.of(l, LineStyle.NORMAL)));
        return out;
    }

    private void side(List<TextLine> left, List<TextLine> right) {
        int n = Math.max(left.size(), right.size());
        for (int i = 0; i < n; i++) {
            List<Cell> cells = new ArrayList<>();
            LineStyle style = LineStyle.NORMAL;
            if (i < left.size() && !left.get(i).cells().isEmpty()) {
                cells.add(new Cell(0, left.get(i).cells().get(0).text()));
                style = left.get(i).style();
            }
            if (i < right.size()) {
                for (Cell c : right.get(i).cells()) {
                    cells.add(new Cell(Math.max(0.5, c.x()), c.text()));
                }
                if (cells.size() == right.get(i).cells().size()) {
                    style = right.get(i).style();
                }
            }
            lines.add(new TextLine(cells, style == LineStyle.HEADING ? LineStyle.BOLD : style));
        }
    }

    /**
     * A table whose column order comes from the family (so the same document type shows its columns in
     * different orders across families). Column 0 is kept first when {@code keepFirst} is set.
     */
    void table(List<String> headers, List<List<String>> rows, long salt, boolean keepFirst) {
        int n = headers.size();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        List<Integer> shuffled = order.subList(keepFirst ? 1 : 0, n);
        Collections.shuffle(shuffled, new Random(family.columnOrderSeed() ^ salt));
        double[] widths = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int longest = headers.get(i).length();
            for (List<String> row : rows) {
                longest = Math.max(longest, row.get(i).length());
            }
            widths[i] = longest + 3;
            sum += widths[i];
        }
        double[] xs = new double[n];
        double x = 0;
        double scale = Math.min(1.0 / GeneratedDocument.TEXT_WIDTH, 0.98 / sum);
        for (int pos = 0; pos < n; pos++) {
            int col = order.get(pos);
            xs[col] = x;
            x += widths[col] * scale;
        }
        String bar = family.pipeTable() ? "| " : "";
        lines.add(row(headers, order, xs, bar, LineStyle.BOLD));
        if (family.pipeTable() || family.rule() != ' ') {
            rule();
        }
        for (List<String> r : rows) {
            lines.add(row(r, order, xs, bar, LineStyle.NORMAL));
        }
        rule();
    }

    private static TextLine row(List<String> values, List<Integer> order, double[] xs, String bar, LineStyle style) {
        List<Cell> cells = new ArrayList<>();
        for (int col : order) {
            cells.add(new Cell(xs[col], bar + values.get(col)));
        }
        return new TextLine(cells, style);
    }

    void totals(List<Field> totals) {
        double labelX = family.totals() == LayoutFamily.Totals.RIGHT_BLOCK ? 0.68 : 0.5;
        for (Field f : totals) {
            lines.add(new TextLine(List.of(new Cell(labelX, f.label()), new Cell(0.84, f.value())), LineStyle.BOLD));
        }
        blank();
    }

    void paragraph(String text) {
        int width = 78;
        StringBuilder current = new StringBuilder();
        for (String word : text.split(" ")) {
            if (current.length() + word.length() + 1 > width) {
                line(current.toString(), LineStyle.NORMAL);
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append(' ');
            }
            current.append(word);
        }
        if (current.length() > 0) {
            line(current.toString(), LineStyle.NORMAL);
        }
    }
}
