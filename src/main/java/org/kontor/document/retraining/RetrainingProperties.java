package org.kontor.document.retraining;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of {@code kontor.classifier.retraining.*}. Sizes are smaller than the shipped model's training (6,000
 * documents, about 25 minutes on a shared 2-core machine), so a retraining takes minutes.
 *
 * @param cycle                  when the timer starts a run: a Camunda cron (seconds minutes hours day-of-month
 *                               month day-of-week) or an ISO-8601 repeating interval; read when the process is
 *                               deployed
 * @param minNewLabels           clerk labels since the last promotion needed before a run trains (REST may force)
 * @param baseDocuments          generated documents of the training split
 * @param validationDocuments    generated documents for early stopping and calibration
 * @param maxEpochs              upper bound on epochs
 * @param patience               epochs without a better validation loss before stopping
 * @param exampleCopies          how often each stored clerk example is repeated in the training split
 * @param maxExamples            at most this many stored examples (the newest) are used
 * @param heldOutDocuments       size of the generated part of the frozen held-out set (fixed seed)
 * @param heldOutSeed            seed of the generated held-out split; never used for training
 * @param heldOutNoiseSalt       OCR-noise salt of the held-out texts
 * @param heldOutLabelledPercent share of clerk-labelled documents (by document id hash) kept for evaluation only
 * @param trainingTimeout        a run whose training has not reported back by then is recorded as failed (e.g.
 *                               the node restarted during training)
 */
@ConfigurationProperties("kontor.classifier.retraining")
public record RetrainingProperties(
        @DefaultValue("0 0 3 ? * SUN") String cycle,
        @DefaultValue("50") int minNewLabels,
        @DefaultValue("1500") int baseDocuments,
        @DefaultValue("300") int validationDocuments,
        @DefaultValue("12") int maxEpochs,
        @DefaultValue("3") int patience,
        @DefaultValue("5") int exampleCopies,
        @DefaultValue("5000") int maxExamples,
        @DefaultValue("600") int heldOutDocuments,
        @DefaultValue("777001") long heldOutSeed,
        @DefaultValue("4242") long heldOutNoiseSalt,
        @DefaultValue("20") int heldOutLabelledPercent,
        @DefaultValue("PT3H") Duration trainingTimeout) {

    public RetrainingProperties {
        if (baseDocuments < 6 || validationDocuments < 6 || heldOutDocuments < 6) {
            throw new IllegalArgumentException("kontor.classifier.retraining: base-, validation- and held-out-documents "
                    + "must each be at least 6 (one per type)");
        }
        if (maxEpochs < 1 || patience < 1 || exampleCopies < 1 || maxExamples < 0 || minNewLabels < 0) {
            throw new IllegalArgumentException("kontor.classifier.retraining: max-epochs, patience and example-copies "
                    + "must be at least 1, max-examples and min-new-labels not negative");
        }
        if (heldOutLabelledPercent < 0 || heldOutLabelledPercent > 100) {
            throw new IllegalArgumentException("kontor.classifier.retraining.held-out-labelled-percent must be within "
                    + "0..100, was " + heldOutLabelledPercent);
        }
    }
}
