package org.mskrules.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mskrules.core.RuleInfo;
import org.mskrules.core.RuleSetManifest;
import org.mskrules.core.RuleSetRegistry;
import org.mskrules.msk.MskRules;

/**
 * The partly-met screens are generated from the red-flag criteria, not written by hand: for every
 * red-flag rule that names its criterion function ({@code @criterion}) and the findings the
 * criterion needs present ({@code @items}; {@code @evidence}, if given, the items of which one must be
 * present, else any), the version's {@value #FILE} holds one screen rule,
 * {@code SCR-PM-<id>}, that fires when the criterion is not met, at least one item is present, and
 * the criterion would be met if every item not recorded were present. The screen names exactly the
 * criterion's items not recorded (clinical reference principles 2 and 6).
 *
 * <p>This test regenerates the file from the rules' metadata and fails when the committed file
 * differs; {@code -Dmskrules.update=true} rewrites it (then build again, so the kbase compiles it).
 * The file is listed in the version's manifest, so it is hashed and in the catalogue like any other.
 */
class PartlyMetScreensTest {
    static final String FILE = "partly-met-criteria.drl";
    private static final RuleSetRegistry REGISTRY = RuleSetRegistry.fromClasspath();

    @TestFactory
    Stream<DynamicTest> everyVersionWithCriteriaHasItsGeneratedPartlyMetScreens() {
        return REGISTRY.versions(MskRules.RULE_SET_ID).stream()
                .filter(v -> !criteria(v).isEmpty())
                .map(version -> DynamicTest.dynamicTest(version, () -> {
                    RuleSetManifest manifest = REGISTRY.manifest(MskRules.RULE_SET_ID, version);
                    String file = manifest.files().stream().filter(f -> f.endsWith("/redflags/" + FILE)).findFirst()
                            .orElseThrow(() -> new AssertionError(MskRules.RULE_SET_ID + " " + version
                                    + " has red-flag criteria but its manifest lists no redflags/" + FILE));
                    String pkg = file.substring(0, file.lastIndexOf('/')).replace('/', '.');
                    GeneratedDocs.check("rules-msk/src/main/resources/" + file,
                            generate(pkg, criteria(version), seriousFindings(version), manifest.stages() != null));
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyCriterionHasItsScreenInTheKbase() {
        return REGISTRY.versions(MskRules.RULE_SET_ID).stream()
                .filter(v -> !criteria(v).isEmpty())
                .map(version -> DynamicTest.dynamicTest(version, () -> {
                    List<String> screens = REGISTRY.ruleSet(MskRules.RULE_SET_ID, version).rules().stream()
                            .filter(r -> "PARTLY_MET_CRITERION".equals(r.meta("screen")))
                            .map(r -> r.meta("criterionOf")).toList();
                    assertThat(screens).containsExactlyInAnyOrderElementsOf(
                            criteria(version).stream().filter(PartlyMetScreensTest::hasOwnScreen).map(RuleInfo::id).toList());
                }));
    }

    /** The red-flag rules of {@code version} that declare a criterion function and its items, by id. */
    static List<RuleInfo> criteria(String version) {
        return REGISTRY.ruleSet(MskRules.RULE_SET_ID, version).rules().stream()
                .filter(r -> "red-flag".equals(r.meta("kind")) && r.meta("criterion") != null)
                .toList();
    }

    static final String SELF_MANAGEMENT_ONLY = "before self-management only";

    /** False for a criterion that cannot be partly met with a finding present: checked before self-management only. */
    static boolean hasOwnScreen(RuleInfo redFlag) {
        return !SELF_MANAGEMENT_ONLY.equals(redFlag.meta("partlyMetScreen"));
    }

    /** The serious-finding rules of {@code version}: their {@code @findings} and {@code @alwaysFlagged}, in rule order. */
    static List<String> seriousFindings(String version) {
        return REGISTRY.ruleSet(MskRules.RULE_SET_ID, version).rules().stream()
                .filter(r -> "serious-finding".equals(r.meta("kind")))
                .flatMap(r -> Stream.of(r.meta("findings"), r.meta("alwaysFlagged")))
                .filter(java.util.Objects::nonNull)
                .flatMap(list -> Stream.of(list.split(",")).map(String::trim)).distinct().toList();
    }

    private static String findings(List<String> names) {
        return "List.of(" + String.join(", ", names.stream().map(n -> "Finding." + n).toList()) + ")";
    }

    /** The screen rule id for red-flag rule {@code id}: {@code RF-CES-001} gives {@code SCR-PM-CES-001}. */
    static String screenId(String redFlagId) {
        return "SCR-PM-" + redFlagId.substring(redFlagId.indexOf('-') + 1);
    }

    /** A constraint on a red flag's level: at or above {@code level}. */
    static String atOrAbove(String level) {
        return String.join(" || ", Stream.of(org.mskrules.msk.EscalationLevel.values())
                .filter(l -> l.compareTo(org.mskrules.msk.EscalationLevel.valueOf(level)) >= 0)
                .map(l -> "level == EscalationLevel." + l).toList());
    }

    /**
     * {@code staged}: the version names its pipeline stages (agenda groups, from 2.0.0); before, the
     * order was salience.
     */
    static String generate(String pkg, List<RuleInfo> criteria, List<String> serious, boolean staged) {
        String afterRedFlags = staged ? "    agenda-group \"serious-findings\"\n" : "    salience -5\n";
        String beforeSelfManagement = staged ? "    agenda-group \"self-management-screens\"\n" : "    salience -25\n";
        StringBuilder drl = new StringBuilder()
                .append("// Generated by PartlyMetScreensTest (rules-tests) from the @criterion and @items of this version's\n")
                .append("// red-flag rules: do not edit by hand; regenerate with mvn -B verify -Dmskrules.update=true.\n")
                .append("// A criterion is partly met when it is not met, one of its @evidence findings (without @evidence,\n")
                .append("// one of its items) is present, and it would be met if every item not recorded were present\n")
                .append("// (Referral.withNotRecordedPresent): a red flag cannot be excluded until those items are asked\n")
                .append("// (clinical reference principles 2 and 6). Before self-management no evidence is needed (SCR-SM-005).\n")
                .append("// The screen names exactly the criterion's items not recorded. It applies only while no red flag\n")
                .append("// at or above the criterion's level is found (one could not raise the escalation), so it runs\n")
                .append(staged ? "// after the red flags (stage serious-findings). It blocks self-management; unlike the red-flag screens it\n"
                        : "// after the red flags (salience -5). It blocks self-management; unlike the red-flag screens it\n")
                .append("// does not on its own send the referral to triage: a clinician on the referral's route asks.\n")
                .append("package ").append(pkg).append(";\n\n")
                .append("import java.util.ArrayList;\n")
                .append("import java.util.List;\n")
                .append("import org.mskrules.msk.EscalationLevel;\n")
                .append("import org.mskrules.msk.Finding;\n")
                .append("import org.mskrules.msk.LocalParameters;\n")
                .append("import org.mskrules.msk.PriorityCategory;\n")
                .append("import org.mskrules.msk.PriorityDecision;\n")
                .append("import org.mskrules.msk.RedFlag;\n")
                .append("import org.mskrules.msk.Referral;\n")
                .append("import org.mskrules.msk.RiskCategory;\n")
                .append("import org.mskrules.msk.RouteReason;\n")
                .append("import org.mskrules.msk.StratifiedRisk;\n")
                .append("import org.mskrules.msk.internal.Facts;\n");
        // Before self-management every criterion counts, with or without a finding present.
        drl.append("\n// The items not recorded of every criterion that they could meet (no evidence needed): what\n")
                .append("// SCR-SM-005 asks before self-management.\n")
                .append("function List partlyMetBeforeSelfManagement(Referral r, LocalParameters p) {\n")
                .append("    List missing = new ArrayList();\n");
        for (RuleInfo rf : criteria) {
            String items = findings(Stream.of(rf.meta("items").split(",")).map(String::trim).toList());
            String fn = rf.meta("criterion");
            drl.append("    if (r.anyNotRecorded(").append(items).append(") && !").append(fn).append("(r, p) && ").append(fn)
                    .append("(r.withNotRecordedPresent(").append(items).append("), p)) {\n")
                    .append("        missing.addAll(r.notRecorded(").append(items).append("));\n")
                    .append("    }\n");
        }
        drl.append("    return missing.stream().distinct().toList();\n}\n");
        String before = "    exists StratifiedRisk( category == RiskCategory.LOW )\n    not RedFlag()\n"
                + "    PriorityDecision( category == PriorityCategory.NON_PRIORITY, derived == PriorityCategory.NON_PRIORITY )\n"
                + "    not RouteReason()\n";
        drl.append("\nrule \"SCR-SM-005 Questions that could meet a red-flag criterion not answered before self-management\"\n")
                .append("    @id(\"SCR-SM-005\")\n    @kind(\"screen\")\n    @screen(\"SELF_MANAGEMENT_RED_FLAGS\")\n    @level(\"NONE\")\n")
                .append("    @source(\"Clinical reference principles 2 and 6 (a criterion met except for items not recorded is an incomplete screen; the patient cannot be routed to self-management)\")\n")
                .append("    @confidence(\"N\")\n")
                .append("    @description(\"Before self-management: every item not recorded that could meet a red-flag criterion (")
                .append(String.join(", ", criteria.stream().map(RuleInfo::id).toList()))
                .append(") if it were present must be recorded, whether or not another item of the criterion is present.\")\n")
                .append(beforeSelfManagement).append("  when\n").append(before)
                .append("    $p : LocalParameters()\n    $r : Referral()\n")
                .append("    eval( !partlyMetBeforeSelfManagement($r, $p).isEmpty() )\n")
                .append("  then\n    insert(Facts.incompleteScreen(drools.getRule(), Facts.missing($r, partlyMetBeforeSelfManagement($r, $p))));\nend\n");
        String all = findings(serious);
        drl.append("\nrule \"SCR-SM-006 Serious findings not recorded before self-management\"\n")
                .append("    @id(\"SCR-SM-006\")\n    @kind(\"screen\")\n    @screen(\"SELF_MANAGEMENT_RED_FLAGS\")\n    @level(\"NONE\")\n")
                .append("    @source(\"Clinical reference principle 6 (only ABSENT clears a serious finding)\")\n")
                .append("    @confidence(\"N\")\n")
                .append("    @description(\"Before self-management: every serious finding (the @findings and @alwaysFlagged of the SN rules: ")
                .append(String.join(", ", serious)).append(") must be recorded; one not recorded is not cleared.\")\n")
                .append(beforeSelfManagement).append("  when\n").append(before)
                .append("    $r : Referral( anyNotRecorded(").append(all).append(") )\n")
                .append("  then\n    insert(Facts.incompleteScreen(drools.getRule(), Facts.missing($r, ").append(all).append(")));\nend\n");
        for (RuleInfo rf : criteria.stream().filter(PartlyMetScreensTest::hasOwnScreen).toList()) {
            String items = "List.of(" + String.join(", ", Stream.of(rf.meta("items").split(","))
                    .map(s -> "Finding." + s.trim()).toList()) + ")";
            String evidence = rf.meta("evidence") == null ? items : "List.of(" + String.join(", ",
                    Stream.of(rf.meta("evidence").split(",")).map(s -> "Finding." + s.trim()).toList()) + ")";
            String fn = rf.meta("criterion");
            String title = rf.name().substring(rf.id().length()).trim();
            drl.append("\nrule \"").append(screenId(rf.id())).append(" Criterion of ").append(rf.id())
                    .append(" partly met, the rest not recorded\"\n")
                    .append("    @id(\"").append(screenId(rf.id())).append("\")\n")
                    .append("    @kind(\"screen\")\n")
                    .append("    @screen(\"PARTLY_MET_CRITERION\")\n")
                    .append("    @level(\"NONE\")\n")
                    .append("    @criterionOf(\"").append(rf.id()).append("\")\n")
                    .append("    @source(\"").append(rf.meta("source")).append("\")\n")
                    .append("    @confidence(\"").append(rf.meta("confidence")).append("\")\n");
            if (rf.meta("parameters") != null) {
                drl.append("    @parameters(\"").append(rf.meta("parameters")).append("\")\n");
            }
            drl.append("    @description(\"").append(rf.id()).append(" (").append(title)
                    .append(") is not met, but would be if its items not recorded were present (")
                    .append(rf.meta("items")).append("), and at least one of ")
                    .append(rf.meta("evidence") == null ? "them" : rf.meta("evidence"))
                    .append(" is present. Those not recorded must be asked. Not while a red flag at ")
                    .append(rf.meta("level")).append(" or above is found.\")\n")
                    .append(afterRedFlags)
                    .append("  when\n")
                    .append("    not RedFlag( ").append(atOrAbove(rf.meta("level"))).append(" )\n")
                    .append("    $p : LocalParameters()\n")
                    .append("    $r : Referral( anyPresent(").append(evidence).append("),\n")
                    .append("                   anyNotRecorded(").append(items).append(") )\n")
                    .append("    eval( !").append(fn).append("($r, $p) && ").append(fn)
                    .append("($r.withNotRecordedPresent(").append(items).append("), $p) )\n")
                    .append("  then\n")
                    .append("    insert(Facts.incompleteScreen(drools.getRule(), Facts.missing($r, ").append(items).append(")));\n")
                    .append("end\n");
        }
        return drl.toString();
    }
}
