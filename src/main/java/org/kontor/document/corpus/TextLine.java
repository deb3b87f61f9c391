package org.kontor.document.corpus;

import java.util.List;

/** One printed line: one or more cells side by side (a two-column header, a table row). */
public record TextLine(List<Cell> cells, LineStyle style) {

    public TextLine {
        cells = List.copyOf(cells);
    }

    public static TextLine of(String text, LineStyle style) {
        return new TextLine(List.of(new Cell(0, text)), style);
    }

    public static TextLine at(double x, String text, LineStyle style) {
        return new TextLine(List.of(new Cell(x, text)), style);
    }

    public static TextLine blank() {
        return new TextLine(List.of(), LineStyle.NORMAL);
    }

    public boolean isBlank() {
        return cells.stream().allMatch(c -> c.text().isBlank());
    }

    /** Cells padded to character columns, the way a text layer or a layout-preserving OCR would print them. */
    public String plain(int width) {
        StringBuilder sb = new StringBuilder();
        for (Cell cell : cells) {
            int column = (int) Math.round(cell.x() * width);
            if (sb.length() > 0 && column <= sb.length()) {
                sb.append("  ");
            } else {
                while (sb.length() < column) {
                    sb.append(' ');
                }
            }
            sb.append(cell.text());
        }
        return sb.toString();
    }
}
