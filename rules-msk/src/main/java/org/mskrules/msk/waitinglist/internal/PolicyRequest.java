package org.mskrules.msk.waitinglist.internal;

import java.time.LocalDate;
import org.mskrules.msk.ServiceProfile;
import org.mskrules.msk.waitinglist.WaitingListParameters;

/**
 * Asks the waiting-list rules for the policy in force on {@code asOf}: bands, thresholds,
 * milestones and validation schedule.
 */
public record PolicyRequest(LocalDate asOf, WaitingListParameters parameters, ServiceProfile profile) {
}
