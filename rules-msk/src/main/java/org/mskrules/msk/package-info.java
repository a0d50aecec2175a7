/**
 * MSK referral decisions: the referral model, red-flag escalation and the {@link org.mskrules.msk.MskRules}
 * facade that evaluates a versioned rule set and explains every decision.
 */
package org.mskrules.msk;
