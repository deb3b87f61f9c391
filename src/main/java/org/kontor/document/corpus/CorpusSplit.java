package org.kontor.document.corpus;

/**
 * Which part of the synthetic corpus a document belongs to. The splits use disjoint layout families, and
 * {@link #HELD_OUT} also uses wording (titles, field labels, kinds of "other" documents) that the other
 * splits never contain, so its accuracy estimates how the classifier copes with documents it has never seen.
 */
public enum CorpusSplit {
    TRAIN,
    /** Unseen layout families and its own unseen wording: for early stopping and confidence calibration. */
    VALIDATION,
    /** Unseen layout families and unseen wording: never used to choose anything. */
    HELD_OUT
}
