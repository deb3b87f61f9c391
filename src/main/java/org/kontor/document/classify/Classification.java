package org.kontor.document.classify;

import java.util.List;
import org.kontor.document.DocumentType;

/**
 * The classifier's answer for one document.
 *
 * @param type            the most probable type
 * @param confidence      its probability (calibrated on documents of layouts the model was not trained on)
 * @param top3            the three most probable types, best first
 * @param modelVersion    the model that answered, for the audit trail
 * @param reviewThreshold confidence below which a clerk should decide
 */
public record Classification(DocumentType type, double confidence, List<Guess> top3, String modelVersion,
        double reviewThreshold) {

    public Classification {
        top3 = List.copyOf(top3);
    }

    /** A clerk should confirm or correct the type: a review is cheaper than a wrong route. */
    public boolean needsReview() {
        return confidence < reviewThreshold;
    }
}
