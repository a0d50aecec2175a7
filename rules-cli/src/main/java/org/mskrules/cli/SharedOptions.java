package org.mskrules.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Supplier;
import org.mskrules.core.EvaluationDate;
import org.mskrules.core.InvalidConfigurationException;
import org.mskrules.core.NoVersionInForceException;
import org.mskrules.core.RuleSetRegistry;
import org.mskrules.core.UnknownRuleSetVersionException;
import org.mskrules.core.Violation;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.ServiceProfile;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * The options the deciding commands share: which rule-set version decides ({@code --rules-version},
 * else the version in force on {@code --as-of}), the evaluation date, and the service profile. Not
 * thread-safe; one per command.
 */
final class SharedOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--rules-version", paramLabel = "X.Y.Z",
            description = "The rule-set version to use, released or working (a working version's output says it is "
                    + "not for clinical use). Default: the released version in force on the --as-of date.")
    String rulesVersion;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = DateConverter.class,
            description = "The evaluation date. Default: today in England (Europe/London). Give it, so that a run "
                    + "can be repeated.")
    LocalDate asOf;

    @Option(names = "--profile", paramLabel = "FILE.json",
            description = "A service profile (FCP access, self-referral, local standards). Default: the national "
                    + "defaults.")
    Path profileFile;

    private LocalDate today;
    private RuleSetRegistry registry;

    /** The rule sets on the class path, found once per command. */
    RuleSetRegistry registry() {
        if (registry == null) {
            registry = RuleSetRegistry.fromClasspath(MskRules.class.getClassLoader());
        }
        return registry;
    }

    /** The evaluation date: {@code --as-of}, or today in England. */
    LocalDate asOf() {
        if (asOf != null) {
            return asOf;
        }
        if (today == null) {
            today = today();
        }
        return today;
    }

    /** Today in England: the default of every command's {@code --as-of}. */
    static LocalDate today() {
        // The one place the clock is read: the command line's default evaluation date, in
        // England's time zone, so that a server on UTC does not give yesterday's date
        // between midnight and 1 am in summer (a quarter end moves the milestone in force).
        return LocalDate.now(ZoneId.of("Europe/London"));
    }

    /** Why the version that decided was chosen, for the text reports. */
    String versionChoice() {
        return rulesVersion != null ? "as named by --rules-version" : "in force on " + asOf();
    }

    /**
     * The service profile of {@code --profile}, or the national one.
     *
     * @throws picocli.CommandLine.ParameterException (usage error) naming every problem with the file
     */
    ServiceProfile profile() {
        if (profileFile == null) {
            return ServiceProfile.NATIONAL;
        }
        try {
            return ServiceProfile.read(profileFile);
        } catch (InvalidConfigurationException e) {
            throw Usage.refused(spec, "service profile [" + profileFile + "] rejected:" + lines(e.violations()));
        }
    }

    /**
     * Builds with the version chosen, turning the version and configuration errors a user can fix
     * into usage errors.
     */
    <T> T build(Supplier<T> build) {
        return build(spec, build);
    }

    static <T> T build(CommandSpec spec, Supplier<T> build) {
        try {
            return build.get();
        } catch (UnknownRuleSetVersionException e) {
            throw Usage.refused(spec, e.getMessage());
        } catch (NoVersionInForceException e) {
            throw Usage.refused(spec, e.getMessage() + System.lineSeparator()
                    + "choose a version with --rules-version X.Y.Z, or an --as-of date on which a version is in force");
        } catch (InvalidConfigurationException e) {
            throw Usage.refused(spec, "configuration rejected:" + lines(e.violations()));
        }
    }

    static String lines(List<Violation> violations) {
        StringBuilder s = new StringBuilder();
        violations.forEach(v -> s.append(System.lineSeparator()).append("  ").append(v));
        return s.toString();
    }

    /**
     * {@code YYYY-MM-DD} only, from {@link EvaluationDate#EARLIEST} to {@link EvaluationDate#LATEST}: a
     * date in another form ({@code +10000-01-01} included, which ISO's parser takes) or outside the
     * range is a usage error, never guessed at.
     */
    static final class DateConverter implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            LocalDate date;
            try {
                date = value.length() == 10 ? LocalDate.parse(value) : null;
            } catch (DateTimeParseException e) {
                date = null;
            }
            if (date == null) {
                throw new TypeConversionException("[" + Violation.shown(value) + "] is not a date in the form YYYY-MM-DD");
            }
            if (!EvaluationDate.inRange(date)) {
                throw new TypeConversionException("[" + value + "] is outside the dates accepted, "
                        + EvaluationDate.EARLIEST + " to " + EvaluationDate.LATEST);
            }
            return date;
        }
    }
}
