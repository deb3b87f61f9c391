package org.kontor.masterdata;

/** Whether an upsert created a new record or changed an existing one. */
enum Upsert {
    CREATED,
    UPDATED
}
