package org.mskrules.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The hazard log ({@code docs/safety/hazard-log.md}) read as data, and the checks that keep it
 * honest: every rule id and test it names exists, every hazard has every field, and every risk is
 * the one the DCB0129 matrix gives.
 *
 * <p>Format: a hazard is a level-2 heading {@code ## HAZ-NNN Title} followed by fields, each opened
 * by a line starting {@code **Field.**}, in {@link #FIELDS}. A risk field starts
 * {@code Severity S, likelihood L, risk N}. The summary table has a row
 * {@code | [HAZ-NNN](#anchor) | Title | initial | residual |} per hazard.
 */
final class HazardLog {
    static final List<String> FIELDS = List.of("Hazard", "Causes", "Effects", "Existing controls", "Initial risk",
            "Residual risk", "Open actions for the deploying organisation");
    static final List<String> SEVERITIES = List.of("Minor", "Significant", "Considerable", "Major", "Catastrophic");
    static final List<String> LIKELIHOODS = List.of("Very low", "Low", "Medium", "High", "Very high");
    /**
     * The DCB0129 risk matrix: {@code MATRIX[likelihood][severity]}, likelihood from very low to very
     * high, severity from minor to catastrophic. A lookup, not a product.
     */
    static final int[][] MATRIX = {
            {1, 1, 2, 2, 3},
            {1, 2, 2, 3, 4},
            {2, 2, 3, 3, 4},
            {2, 3, 3, 4, 5},
            {3, 4, 4, 5, 5},
    };

    /**
     * A rule id: a prefix of 2 to 5 capitals, at least one more group that starts with a capital,
     * then three digits (RF-CES-001, SCR-SM-004, WL-BAND-007). A hazard id (HAZ-001) has no middle
     * group, so it is not one.
     */
    static final Pattern RULE_ID = Pattern.compile("(?<![A-Za-z0-9-])[A-Z]{2,5}(?:-[A-Z][A-Z0-9]{0,9})+-\\d{3}(?![A-Za-z0-9-])");
    /**
     * A test reference: {@code Class#method}, or a class whose name ends as the build's test classes
     * do ({@code Test}, {@code Properties}) on its own.
     */
    static final Pattern TEST_REF = Pattern.compile(
            "(?<![A-Za-z0-9_.#])([A-Z][A-Za-z0-9_]*)#([a-z][A-Za-z0-9_]*)|(?<![A-Za-z0-9_.#])([A-Z][A-Za-z0-9_]*(?:Test|Properties))(?![A-Za-z0-9_#])");
    static final Pattern HAZARD_HEADING = Pattern.compile("^## (HAZ-\\d{3}) (.+)$");
    static final Pattern FIELD = Pattern.compile("^\\*\\*([^*]+)\\.\\*\\*(.*)$");
    static final Pattern RISK = Pattern.compile("^Severity (" + String.join("|", SEVERITIES) + "), likelihood ("
            + String.join("|", LIKELIHOODS) + "), risk ([1-5])\\b");
    static final Pattern SUMMARY_ROW = Pattern.compile("^\\| \\[(HAZ-\\d{3})\\]\\(#([^)]*)\\) \\| (.+?) \\| ([1-5]) \\| ([1-5]) \\|$");

    /** One hazard: its id, title, the line of its heading and its fields' text, in document order. */
    record Hazard(String id, String title, int line, Map<String, String> fields) {
    }

    /** A risk as written: severity, likelihood and the rating claimed. */
    record Risk(String severity, String likelihood, int rating) {
        int matrixRating() {
            return MATRIX[LIKELIHOODS.indexOf(likelihood)][SEVERITIES.indexOf(severity)];
        }
    }

    /** A summary row: id, anchor, title, initial and residual rating. */
    record SummaryRow(String id, String anchor, String title, int initial, int residual) {
    }

    final String markdown;
    final List<Hazard> hazards;
    final List<SummaryRow> summary;
    /** Problems found while reading: unknown fields, text outside a field. */
    final List<String> formatProblems;

    private HazardLog(String markdown, List<Hazard> hazards, List<SummaryRow> summary, List<String> formatProblems) {
        this.markdown = markdown;
        this.hazards = hazards;
        this.summary = summary;
        this.formatProblems = formatProblems;
    }

    static HazardLog read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HazardLog parse(String markdown) {
        List<Hazard> hazards = new ArrayList<>();
        List<SummaryRow> summary = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String[] lines = markdown.replace("\r\n", "\n").split("\n", -1);
        String id = null;
        String title = null;
        int headingLine = 0;
        Map<String, StringBuilder> fields = null;
        String field = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher row = SUMMARY_ROW.matcher(line);
            if (row.matches()) {
                summary.add(new SummaryRow(row.group(1), row.group(2), row.group(3),
                        Integer.parseInt(row.group(4)), Integer.parseInt(row.group(5))));
                continue;
            }
            Matcher heading = HAZARD_HEADING.matcher(line);
            if (heading.matches() || line.startsWith("# ") || line.startsWith("## ")) {
                if (id != null) {
                    hazards.add(hazard(id, title, headingLine, fields));
                }
                id = null;
                field = null;
                if (heading.matches()) {
                    id = heading.group(1);
                    title = heading.group(2).strip();
                    headingLine = i + 1;
                    fields = new LinkedHashMap<>();
                }
                continue;
            }
            if (id == null) {
                continue;
            }
            Matcher f = FIELD.matcher(line);
            if (f.matches()) {
                field = f.group(1).strip();
                if (!FIELDS.contains(field)) {
                    problems.add(id + " line " + (i + 1) + ": unknown field [" + field + "]; fields are " + FIELDS);
                } else if (fields.containsKey(field)) {
                    problems.add(id + " line " + (i + 1) + ": field [" + field + "] given twice");
                }
                fields.put(field, new StringBuilder(f.group(2).strip()));
            } else if (field != null) {
                fields.get(field).append('\n').append(line);
            } else if (!line.isBlank()) {
                problems.add(id + " line " + (i + 1) + ": text before the first field");
            }
        }
        if (id != null) {
            hazards.add(hazard(id, title, headingLine, fields));
        }
        return new HazardLog(markdown, List.copyOf(hazards), List.copyOf(summary), List.copyOf(problems));
    }

    private static Hazard hazard(String id, String title, int line, Map<String, StringBuilder> fields) {
        Map<String, String> text = new LinkedHashMap<>();
        fields.forEach((k, v) -> text.put(k, v.toString().strip()));
        return new Hazard(id, title, line, text);
    }

    /** The risk a field states, or {@code null} if it does not start in the required form. */
    static Risk risk(String field) {
        Matcher m = field == null ? null : RISK.matcher(field);
        return m != null && m.find() ? new Risk(m.group(1), m.group(2), Integer.parseInt(m.group(3))) : null;
    }

    /** Every rule id the text names, in order of first mention. */
    static Set<String> ruleIds(String text) {
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = RULE_ID.matcher(text);
        while (m.find()) {
            ids.add(m.group());
        }
        return ids;
    }

    /** Every test the text names, as {@code Class#method} or {@code Class}, in order of first mention. */
    static Set<String> testRefs(String text) {
        Set<String> refs = new LinkedHashSet<>();
        Matcher m = TEST_REF.matcher(text);
        while (m.find()) {
            refs.add(m.group(1) != null ? m.group(1) + "#" + m.group(2) : m.group(3));
        }
        return refs;
    }

    /**
     * Every problem in the log: format problems, a missing or blank field, a risk not in the required
     * form or not the matrix's rating, a residual above the initial risk, duplicate hazard ids, a
     * summary that disagrees with the hazards, a rule id not in {@code knownRuleIds}, a test class or
     * method not in {@code tests}. Classes in {@code pendingClasses} may be named on their own while
     * they do not exist yet.
     */
    List<String> problems(Set<String> knownRuleIds, TestIndex tests, Set<String> pendingClasses) {
        List<String> problems = new ArrayList<>(formatProblems);
        if (hazards.isEmpty()) {
            problems.add("no hazard (a heading ## HAZ-NNN Title) found");
        }
        Set<String> ids = new TreeSet<>();
        for (Hazard h : hazards) {
            if (!ids.add(h.id())) {
                problems.add(h.id() + ": hazard id used twice");
            }
            for (String f : FIELDS) {
                String v = h.fields().get(f);
                if (v == null || v.isBlank()) {
                    problems.add(h.id() + ": field [" + f + "] is missing or empty");
                }
            }
            Risk initial = checkedRisk(h, "Initial risk", problems);
            Risk residual = checkedRisk(h, "Residual risk", problems);
            if (initial != null && residual != null && residual.rating() > initial.rating()) {
                problems.add(h.id() + ": residual risk " + residual.rating() + " is above the initial risk " + initial.rating());
            }
        }
        problems.addAll(summaryProblems());
        for (String ruleId : ruleIds(markdown)) {
            if (!knownRuleIds.contains(ruleId)) {
                problems.add("rule id [" + ruleId + "] is not a rule in any rule-set version on the class path");
            }
        }
        for (String ref : testRefs(markdown)) {
            String cls = ref.contains("#") ? ref.substring(0, ref.indexOf('#')) : ref;
            if (!tests.hasClass(cls)) {
                if (!(ref.equals(cls) && pendingClasses.contains(cls))) {
                    problems.add("test [" + ref + "]: no class " + cls + " in any module's src/test/java");
                }
            } else if (ref.contains("#") && !tests.hasTest(cls, ref.substring(ref.indexOf('#') + 1))) {
                problems.add("test [" + ref + "]: " + cls + " has no test method of that name");
            }
        }
        return problems;
    }

    private static Risk checkedRisk(Hazard h, String field, List<String> problems) {
        String text = h.fields().get(field);
        Risk risk = risk(text);
        if (risk == null && text != null && !text.isBlank()) {
            problems.add(h.id() + ": [" + field + "] must start \"Severity S, likelihood L, risk N\"");
        } else if (risk != null && risk.rating() != risk.matrixRating()) {
            problems.add(h.id() + ": [" + field + "] severity " + risk.severity() + " and likelihood " + risk.likelihood()
                    + " give risk " + risk.matrixRating() + " on the matrix, not " + risk.rating());
        }
        return risk;
    }

    private List<String> summaryProblems() {
        List<String> problems = new ArrayList<>();
        List<String> hazardIds = hazards.stream().map(Hazard::id).toList();
        List<String> rowIds = summary.stream().map(SummaryRow::id).toList();
        if (!rowIds.equals(hazardIds)) {
            problems.add("the summary lists " + rowIds + " but the hazards are " + hazardIds);
            return problems;
        }
        for (int i = 0; i < hazards.size(); i++) {
            Hazard h = hazards.get(i);
            SummaryRow row = summary.get(i);
            if (!row.anchor().equals(anchor("## " + h.id() + " " + h.title()))) {
                problems.add(h.id() + ": summary link #" + row.anchor() + " is not the heading's anchor #"
                        + anchor("## " + h.id() + " " + h.title()));
            }
            if (!row.title().equals(h.title())) {
                problems.add(h.id() + ": summary title [" + row.title() + "] is not the heading's [" + h.title() + "]");
            }
            Risk initial = risk(h.fields().get("Initial risk"));
            Risk residual = risk(h.fields().get("Residual risk"));
            if (initial != null && initial.rating() != row.initial() || residual != null && residual.rating() != row.residual()) {
                problems.add(h.id() + ": summary risks " + row.initial() + "/" + row.residual() + " differ from the hazard's");
            }
        }
        return problems;
    }

    /** The anchor a Markdown renderer (GitHub's) derives from a heading. */
    static String anchor(String heading) {
        return heading.replaceFirst("^#+ ", "").toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "")
                .replace(' ', '-');
    }

    /** The test classes in every module's {@code src/test/java}, with the names of their test methods. */
    record TestIndex(Map<String, Set<String>> testMethodsByClass) {
        private static final Pattern TEST_ANNOTATION =
                Pattern.compile("^@(Test|TestFactory|ParameterizedTest|RepeatedTest|TestTemplate)\\b");
        private static final Pattern LEADING_ANNOTATIONS = Pattern.compile("^(@[\\w.]+(\\([^)]*\\))?\\s*)+");
        private static final Pattern DECLARED_NAME = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*\\(");

        /** Scans {@code <root>/<module>/src/test/java} of every module. */
        static TestIndex scan(Path root) {
            Map<String, Set<String>> byClass = new TreeMap<>();
            try (Stream<Path> modules = Files.list(root)) {
                for (Path module : modules.filter(Files::isDirectory).sorted().toList()) {
                    Path sources = module.resolve("src").resolve("test").resolve("java");
                    if (!Files.isDirectory(sources)) {
                        continue;
                    }
                    try (Stream<Path> files = Files.walk(sources)) {
                        for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                            String cls = f.getFileName().toString().replace(".java", "");
                            byClass.computeIfAbsent(cls, k -> new TreeSet<>())
                                    .addAll(testMethods(Files.readString(f, StandardCharsets.UTF_8)));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new TestIndex(byClass);
        }

        /** Names of the methods annotated as tests (a dynamic test factory counts by its own name). */
        static Set<String> testMethods(String source) {
            Set<String> names = new TreeSet<>();
            boolean annotated = false;
            for (String raw : source.split("\n")) {
                String line = raw.strip();
                if (TEST_ANNOTATION.matcher(line).find()) {
                    annotated = true;
                }
                if (!annotated) {
                    continue;
                }
                String rest = LEADING_ANNOTATIONS.matcher(line).replaceFirst("");
                if (rest.isEmpty() || rest.startsWith("//") || rest.startsWith("*") || rest.startsWith("/*")) {
                    continue;
                }
                Matcher m = DECLARED_NAME.matcher(rest);
                if (m.find()) {
                    names.add(m.group(1));
                }
                annotated = false;
            }
            return names;
        }

        boolean hasClass(String cls) {
            return testMethodsByClass.containsKey(cls);
        }

        boolean hasTest(String cls, String method) {
            return testMethodsByClass.getOrDefault(cls, Set.of()).contains(method);
        }
    }
}
