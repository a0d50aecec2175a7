/**
 * Change control of rule sets: what a new rule-set version, or a local parameter change, does to
 * referral decisions before it goes live.
 *
 * <ul>
 *   <li>{@link org.mskrules.governance.SyntheticReferrals}: the one definition of a plausible synthetic
 *       referral (documented prevalence), driven by any {@link org.mskrules.governance.RandomDraws}.</li>
 *   <li>{@link org.mskrules.governance.Population}: synthetic referrals, golden cases and a service's
 *       own referrals, as {@link org.mskrules.governance.PopulationCase}s.</li>
 *   <li>{@link org.mskrules.governance.ImpactAnalysis}: two rule sets on one population, as an
 *       {@link org.mskrules.governance.ImpactReport} (Markdown and JSON).</li>
 *   <li>{@link org.mskrules.governance.BehaviourSummary}: one rule set's decisions on a population,
 *       counted and digested, for snapshot checks.</li>
 * </ul>
 */
package org.mskrules.governance;
