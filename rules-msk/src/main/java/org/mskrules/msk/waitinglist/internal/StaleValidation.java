package org.mskrules.msk.waitinglist.internal;

/**
 * Marks an entry whose latest validation contact no longer counts under the validation schedule
 * (the patient is due to be asked again), so that its answer cannot clear them for removal.
 */
public record StaleValidation(String entryId) {
}
