package org.kontor.document.classify;

import java.util.List;
import java.util.Locale;
import org.kontor.document.DocumentType;

/**
 * How a model did on a labelled set: accuracy, and what the review threshold does with its mistakes.
 *
 * @param documents         size of the set
 * @param correct           predictions equal to the label
 * @param wrong             predictions not equal to the label
 * @param wrongFlagged      wrong predictions below the review threshold (a clerk would see them)
 * @param correctFlagged    right predictions below the threshold (clerk work that was not needed)
 * @param confusion         {@code confusion[truth][predicted]} in {@link DocumentType} order
 */
public record ClassifierEvaluation(int documents, int correct, int wrong, int wrongFlagged, int correctFlagged,
        int[][] confusion) {

    public static ClassifierEvaluation of(List<DocumentType> truth, List<Classification> predictions) {
        return of(truth, predictions, predictions.stream().map(Classification::needsReview).toList());
    }

    /** With the review decision taken elsewhere, e.g. also on how well the scan was read. */
    public static ClassifierEvaluation of(List<DocumentType> truth, List<Classification> predictions,
            List<Boolean> toClerk) {
        int n = DocumentType.values().length;
        int[][] confusion = new int[n][n];
        int correct = 0;
        int wrongFlagged = 0;
        int correctFlagged = 0;
        for (int i = 0; i < truth.size(); i++) {
            Classification c = predictions.get(i);
            confusion[truth.get(i).ordinal()][c.type().ordinal()]++;
            if (c.type() == truth.get(i)) {
                correct++;
                correctFlagged += toClerk.get(i) ? 1 : 0;
            } else {
                wrongFlagged += toClerk.get(i) ? 1 : 0;
            }
        }
        return new ClassifierEvaluation(truth.size(), correct, truth.size() - correct, wrongFlagged, correctFlagged,
                confusion);
    }

    public double accuracy() {
        return documents == 0 ? 0 : correct / (double) documents;
    }

    /** Wrong answers that would have been routed without a clerk seeing them. */
    public int wrongUnflagged() {
        return wrong - wrongFlagged;
    }

    public String summary() {
        return String.format(Locale.ROOT, "accuracy %.2f%% (%d/%d); wrong %d, of which %d sent to a clerk; "
                + "%d right answers also sent to a clerk", 100 * accuracy(), correct, documents, wrong, wrongFlagged,
                correctFlagged);
    }

    public String confusionTable() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-16s", "truth \\ predicted"));
        for (DocumentType t : DocumentType.values()) {
            sb.append(String.format(Locale.ROOT, "%9.8s", t.name()));
        }
        sb.append('\n');
        for (DocumentType t : DocumentType.values()) {
            sb.append(String.format(Locale.ROOT, "%-16s", t.name()));
            for (int k = 0; k < confusion.length; k++) {
                sb.append(String.format(Locale.ROOT, "%9d", confusion[t.ordinal()][k]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
