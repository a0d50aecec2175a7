package org.mskrules.core;

import java.util.List;

/**
 * A rule set exists but cannot be used: its knowledge base does not build, a file named in its
 * manifest is missing, a released version's content no longer matches its recorded hash, its kbase's
 * package folders hold DRL files the manifest does not list (or the reverse), its released versions'
 * effective dates go backwards, or a rule lacks required metadata. Every problem found is listed, not
 * only the first.
 */
public class RuleSetLoadException extends RulesException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public RuleSetLoadException(String ruleSet, List<String> problems) {
        this(ruleSet, problems, null);
    }

    public RuleSetLoadException(String ruleSet, List<String> problems, Throwable cause) {
        super("rule set [" + ruleSet + "] cannot be loaded: " + String.join("; ", problems), cause);
        this.problems = List.copyOf(problems);
    }

    /** Each problem found, in the order found. */
    public List<String> problems() {
        return problems;
    }
}
