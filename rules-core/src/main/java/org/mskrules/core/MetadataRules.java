package org.mskrules.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A rule family's requirements on its rules' metadata, declared as data: what every rule must carry
 * and, for each {@code @kind}, what a rule of that kind must carry, each as a {@link Requirement}
 * built from the factories here ({@link #present}, {@link #oneOf}, {@link #when}, ...). A facade's
 * builder checks them when it loads a version ({@link RuleSetBuilder#bind}), so that no rule can
 * fail half-way through an evaluation for want of metadata its facts are built from. A rule whose
 * {@code @kind} is not declared is a problem.
 *
 * <pre>{@code
 * MetadataRules.builder()
 *         .everyRule(MetadataRules.values("confidence", "N", "L"))
 *         .kind("route", MetadataRules.oneOf("route", Route.class))
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe once built.
 */
public final class MetadataRules {
    /** One requirement: what is wrong with a rule's metadata, each problem a phrase after "rule [NAME] ". */
    @FunctionalInterface
    public interface Requirement {
        List<String> problems(RuleInfo rule);
    }

    /** No requirement beyond the manifest's {@code requiredMetadata}. */
    public static final MetadataRules NONE = new MetadataRules(null, List.of(), Map.of());

    private final String kindKey;
    private final List<Requirement> everyRule;
    private final Map<String, List<Requirement>> byKind;

    private MetadataRules(String kindKey, List<Requirement> everyRule, Map<String, List<Requirement>> byKind) {
        this.kindKey = kindKey;
        this.everyRule = List.copyOf(everyRule);
        this.byKind = byKind;
    }

    /** Requirements keyed by the {@code @kind} metadata. */
    public static Builder builder() {
        return new Builder();
    }

    /** The declared kinds, in declaration order. */
    public List<String> kinds() {
        return List.copyOf(byKind.keySet());
    }

    /** Every problem with {@code rule}'s metadata, each a sentence naming the rule. */
    public List<String> problems(RuleInfo rule) {
        List<String> found = new ArrayList<>();
        everyRule.forEach(r -> found.addAll(r.problems(rule)));
        if (kindKey != null) {
            List<Requirement> ofKind = byKind.get(rule.meta(kindKey));
            if (ofKind == null) {
                found.add("has @" + kindKey + " [" + rule.meta(kindKey) + "]; expected one of " + kinds());
            } else {
                ofKind.forEach(r -> found.addAll(r.problems(rule)));
            }
        }
        return found.stream().map(p -> "rule [" + rule.name() + "] " + p).toList();
    }

    /**
     * Checks every rule of {@code ruleSet}.
     *
     * @throws InvalidRuleMetadataException listing every problem
     */
    public void check(RuleSet ruleSet) {
        List<String> all = new ArrayList<>();
        ruleSet.rules().forEach(r -> all.addAll(problems(r)));
        if (!all.isEmpty()) {
            throw new InvalidRuleMetadataException(ruleSet.manifest().coordinates(), all);
        }
    }

    /** {@code @key} present and not blank. */
    public static Requirement present(String key) {
        return rule -> rule.meta(key) == null || rule.meta(key).isBlank() ? List.of("has no @" + key) : List.of();
    }

    /** {@code @key} absent. */
    public static Requirement absent(String key, String why) {
        return rule -> rule.meta(key) == null ? List.of() : List.of("has @" + key + " [" + rule.meta(key) + "] but " + why);
    }

    /** {@code @key} present and the name of a constant of {@code type}. */
    public static <E extends Enum<E>> Requirement oneOf(String key, Class<E> type) {
        return rule -> rule.meta(key) == null ? List.of("has no @" + key) : constant(key, rule.meta(key), type);
    }

    /** {@code @key}, if present, the name of a constant of {@code type}. */
    public static <E extends Enum<E>> Requirement optionalOneOf(String key, Class<E> type) {
        return rule -> rule.meta(key) == null ? List.of() : constant(key, rule.meta(key), type);
    }

    /** {@code @key}, if present, a comma-separated list of names of constants of {@code type}. */
    public static <E extends Enum<E>> Requirement listOf(String key, Class<E> type) {
        return rule -> {
            String value = rule.meta(key);
            List<String> p = new ArrayList<>();
            for (String item : value == null ? new String[0] : value.split(",")) {
                p.addAll(constant(key, item.trim(), type));
            }
            return p;
        };
    }

    /** {@code @key} present and one of {@code allowed}. */
    public static Requirement values(String key, String... allowed) {
        List<String> ok = Arrays.asList(allowed);
        return rule -> ok.contains(rule.meta(key)) ? List.of()
                : List.of("has @" + key + " [" + rule.meta(key) + "]; expected " + String.join(" or ", ok));
    }

    /** {@code @key}, if present, one of {@code allowed}. */
    public static Requirement optionalValues(String key, String... allowed) {
        Requirement present = values(key, allowed);
        return rule -> rule.meta(key) == null ? List.of() : present.problems(rule);
    }

    /** {@code @key}, if present, not {@code value}. */
    public static Requirement not(String key, String value, String why) {
        return rule -> value.equals(rule.meta(key)) ? List.of("has @" + key + " " + value + " but " + why) : List.of();
    }

    /** {@code @key} a whole number of at least 1. */
    public static Requirement positiveInt(String key) {
        return rule -> {
            try {
                if (rule.meta(key) != null && Integer.parseInt(rule.meta(key)) > 0) {
                    return List.of();
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            return List.of("has @" + key + " [" + rule.meta(key) + "]; expected a positive whole number");
        };
    }

    /** {@code requirements}, for the rules that {@code applies} accepts. */
    public static Requirement when(Predicate<RuleInfo> applies, Requirement... requirements) {
        List<Requirement> all = List.of(requirements);
        return rule -> {
            if (!applies.test(rule)) {
                return List.of();
            }
            List<String> p = new ArrayList<>();
            all.forEach(r -> p.addAll(r.problems(rule)));
            return p;
        };
    }

    /** True for a rule whose {@code @key} is {@code value}. */
    public static Predicate<RuleInfo> has(String key, String value) {
        return rule -> value.equals(rule.meta(key));
    }

    private static <E extends Enum<E>> List<String> constant(String key, String value, Class<E> type) {
        try {
            Enum.valueOf(type, value);
            return List.of();
        } catch (IllegalArgumentException e) {
            return List.of("has @" + key + " [" + value + "], not one of " + List.of(type.getEnumConstants()));
        }
    }

    /** Collects the requirements. Not thread-safe. */
    public static final class Builder {
        private final List<Requirement> everyRule = new ArrayList<>();
        private final Map<String, List<Requirement>> byKind = new LinkedHashMap<>();

        private Builder() {
        }

        /** Requirements on every rule, whatever its kind. */
        public Builder everyRule(Requirement... requirements) {
            everyRule.addAll(List.of(requirements));
            return this;
        }

        /** A kind of rule (its {@code @kind}) and what a rule of that kind must carry; none is allowed. */
        public Builder kind(String kind, Requirement... requirements) {
            byKind.put(Objects.requireNonNull(kind, "kind"), List.of(requirements));
            return this;
        }

        public MetadataRules build() {
            return new MetadataRules("kind", everyRule, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byKind)));
        }
    }
}
