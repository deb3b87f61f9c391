package org.kontor.document.classify;

import org.kontor.document.DocumentType;

/** One candidate type with the model's probability for it. */
public record Guess(DocumentType type, double probability) {
}
