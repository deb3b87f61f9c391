package org.kontor.platform.engine;

/**
 * Marks an exception that no retry can cure because the input itself is bad (a damaged file, a zip bomb, a
 * sheet without its columns). A robot step failing with one goes straight to an incident carrying the
 * exception's message, instead of spending its retry cycle on the same bytes.
 */
public interface PermanentFailure {
}
