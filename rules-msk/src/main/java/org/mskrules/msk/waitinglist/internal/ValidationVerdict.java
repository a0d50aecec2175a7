package org.mskrules.msk.waitinglist.internal;

import org.mskrules.msk.waitinglist.ValidationReason;

/** One validation-outcome rule's reason for one entry. */
public record ValidationVerdict(String entryId, ValidationReason reason) {
}
