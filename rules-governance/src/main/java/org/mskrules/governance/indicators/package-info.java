/**
 * Measurable indicators of an MSK service (national MSK principles 2020, seed 001 lines 140-154) from a
 * decision log and waiting-list snapshots, with NHS small-number disclosure control, and the monthly
 * community health services SitRep extract; see {@code docs/indicators.md}.
 */
package org.mskrules.governance.indicators;
