package org.kontor.document.corpus;

/** A piece of text starting at a horizontal position given as a fraction (0..1) of the printable width. */
public record Cell(double x, String text) {
}
