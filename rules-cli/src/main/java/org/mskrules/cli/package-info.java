/**
 * The {@code msk-rules} command line ({@link org.mskrules.cli.MskRulesCli}, on picocli): assess
 * referrals one at a time or as JSON Lines, review waiting lists, compare rule-set versions, print rule
 * catalogues and validate input files. Everything but the entry point is package-private.
 */
package org.mskrules.cli;
