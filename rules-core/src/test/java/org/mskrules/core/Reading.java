package org.mskrules.core;

/** A test fact: one numeric reading. */
public record Reading(int value) {
}
