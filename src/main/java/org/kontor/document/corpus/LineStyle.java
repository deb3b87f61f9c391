package org.kontor.document.corpus;

/** How a line is printed: the renderer picks size and weight from it. */
public enum LineStyle {
    TITLE,
    HEADING,
    BOLD,
    NORMAL,
    SMALL
}
