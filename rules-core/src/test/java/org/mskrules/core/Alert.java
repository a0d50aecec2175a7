package org.mskrules.core;

/** A test output: raised by a rule. */
public record Alert(String ruleId) {
}
