package org.mskrules.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.mskrules.governance.RuleCatalogue;
import org.mskrules.core.RuleSet;
import org.mskrules.core.RuleSetRegistry;
import org.mskrules.msk.MskRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code catalogue}: the Markdown rule catalogue of one rule-set version ({@link RuleCatalogue#markdown}),
 * or the index of every version on the class path ({@link RuleCatalogue#index}); the same text as the
 * committed {@code docs/rules/} pages.
 */
@Command(name = "catalogue", usageHelpWidth = 100,
        description = {"Prints the rule catalogue of a rule-set version as Markdown: every rule with its level, time "
                + "frame, destination, source, confidence, parameters and description; the same text as docs/rules/.",
                "--all prints the index of every version instead."},
        footer = MskRulesCli.EXIT_CODES)
final class CatalogueCommand implements Callable<Integer> {
    static final String SYNOPSIS = "catalogue [--rule-set msk-referral|msk-waiting-list] [--rules-version X.Y.Z | "
            + "--as-of YYYY-MM-DD | --all] [--output FILE]";

    @Spec
    CommandSpec spec;

    @ParentCommand
    MskRulesCli cli;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--rule-set", paramLabel = "ID", defaultValue = MskRules.RULE_SET_ID,
            description = "The rule set: msk-referral or msk-waiting-list (default: ${DEFAULT-VALUE}).")
    String ruleSet;

    @Option(names = "--rules-version", paramLabel = "X.Y.Z",
            description = "The version, released or working. Default: the released version in force on --as-of.")
    String rulesVersion;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = SharedOptions.DateConverter.class,
            description = "Without --rules-version, the version in force on this date. Default: today in England.")
    LocalDate asOf;

    @Option(names = "--all", description = "Print the index of every version of every rule set.")
    boolean all;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the Markdown here, not to standard output.")
    Path output;

    @Override
    public Integer call() {
        boolean named = spec.commandLine().getParseResult().hasMatchedOption("--rule-set");
        if (all && (named || rulesVersion != null || asOf != null)) {
            throw Usage.error(spec, "--all prints every version: give no --rule-set, --rules-version or --as-of with it");
        }
        if (rulesVersion != null && asOf != null) {
            throw Usage.error(spec, "give --rules-version or --as-of, not both");
        }
        FileOptions.checkWritable(spec, "--output", output);
        RuleSetRegistry registry = RuleSetRegistry.fromClasspath(MskRules.class.getClassLoader());
        String markdown;
        if (all) {
            markdown = RuleCatalogue.index(registry.loadAll());
        } else {
            RuleSet version = SharedOptions.build(spec, () -> rulesVersion != null ? registry.ruleSet(ruleSet, rulesVersion)
                    : registry.inForce(ruleSet, asOf != null ? asOf : SharedOptions.today()));
            AssessCommand.warnIfWorking(version.id(), version.version(), version.manifest().status(), cli.err);
            markdown = RuleCatalogue.markdown(registry, version.id(), version.version());
        }
        if (output != null) {
            FileOptions.write(output, markdown);
            cli.err.println("wrote " + output);
        } else {
            cli.out.print(markdown);
            cli.out.flush();
        }
        return MskRulesCli.DECIDED;
    }
}
