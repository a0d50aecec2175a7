package org.mskrules.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.ConceptMap.ConceptMapGroupComponent;
import org.hl7.fhir.r4.model.ConceptMap.SourceElementComponent;
import org.hl7.fhir.r4.model.ConceptMap.TargetElementComponent;
import org.hl7.fhir.r4.model.Enumerations.ConceptMapEquivalence;
import org.hl7.fhir.r4.model.Extension;
import org.mskrules.core.RulesException;
import org.mskrules.msk.BodyRegion;
import org.mskrules.msk.Finding;

/**
 * The reviewed mapping between the referral model's codes and SNOMED CT / LOINC, read once from
 * {@code msk-concept-map.json}. A code that two findings or two regions would share is refused at
 * load: reading it back would be ambiguous. Immutable and thread-safe once built.
 */
final class ConceptMapping {
    static final String RESOURCE = "org/mskrules/fhir/msk-concept-map.json";

    /** One target code with its review status. */
    record Target(String system, String code, String display, boolean verified) {
        Coding coding() {
            return new Coding(system, code, display);
        }
    }

    private final String version;
    private final String url;
    private final Map<Finding, List<Target>> findingTargets = new EnumMap<>(Finding.class);
    private final Map<BodyRegion, List<Target>> regionTargets = new EnumMap<>(BodyRegion.class);
    private final Map<String, Finding> findingByCode = new HashMap<>();
    private final Map<String, BodyRegion> regionByCode = new HashMap<>();
    private final Map<String, Target> targetByCode = new HashMap<>();
    private final Map<Finding, Boolean> findingListed = new EnumMap<>(Finding.class);

    private ConceptMapping(ConceptMap map) {
        this.version = map.getVersion();
        this.url = map.getUrl();
        List<String> problems = new ArrayList<>();
        for (ConceptMapGroupComponent group : map.getGroup()) {
            String source = group.getSource();
            for (SourceElementComponent element : group.getElement()) {
                if (FhirCodes.FINDING_SYSTEM.equals(source)) {
                    Finding f = valueOf(Finding.class, element.getCode(), problems);
                    if (f == null) {
                        continue;
                    }
                    findingListed.put(f, true);
                    for (TargetElementComponent t : element.getTarget()) {
                        if (t.getEquivalence() == ConceptMapEquivalence.UNMATCHED) {
                            continue;
                        }
                        Target target = target(group, t, problems);
                        findingTargets.computeIfAbsent(f, k -> new ArrayList<>()).add(target);
                        Finding before = findingByCode.put(key(target.system(), target.code()), f);
                        if (before != null && before != f) {
                            problems.add("code [" + target.code() + "] maps to both [" + before + "] and [" + f + "]");
                        }
                        targetByCode.put(key(target.system(), target.code()), target);
                    }
                } else if (FhirCodes.REGION_SYSTEM.equals(source)) {
                    BodyRegion r = valueOf(BodyRegion.class, element.getCode(), problems);
                    if (r == null) {
                        continue;
                    }
                    for (TargetElementComponent t : element.getTarget()) {
                        Target target = target(group, t, problems);
                        regionTargets.computeIfAbsent(r, k -> new ArrayList<>()).add(target);
                        BodyRegion before = regionByCode.put(key(target.system(), target.code()), r);
                        if (before != null && before != r) {
                            problems.add("body site [" + target.code() + "] maps to both [" + before + "] and [" + r + "]");
                        }
                        targetByCode.put(key(target.system(), target.code()), target);
                    }
                } else {
                    for (TargetElementComponent t : element.getTarget()) {
                        Target target = target(group, t, problems);
                        targetByCode.put(key(target.system(), target.code()), target);
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new RulesException("concept map [" + url + "|" + version + "] is not usable: " + problems);
        }
    }

    static ConceptMapping load(FhirContext context) {
        try (InputStream in = ConceptMapping.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new RulesException("concept map [" + RESOURCE + "] is not on the class path");
            }
            ConceptMap map = context.newJsonParser().parseResource(ConceptMap.class, in);
            return new ConceptMapping(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Target target(ConceptMapGroupComponent group, TargetElementComponent t, List<String> problems) {
        Extension status = t.getExtensionByUrl(FhirCodes.REVIEW_STATUS_EXTENSION);
        String value = status == null ? null : status.getValue().primitiveValue();
        if (!"verified".equals(value) && !"to-verify".equals(value)) {
            problems.add("target [" + t.getCode() + "] has review status [" + value + "]; expected verified or to-verify");
        }
        if (t.getCode() == null || group.getTarget() == null) {
            problems.add("a mapped target needs a system and a code: [" + t.getCode() + "]");
        }
        return new Target(group.getTarget(), t.getCode(), t.getDisplay(), "verified".equals(value));
    }

    private static <E extends Enum<E>> E valueOf(Class<E> type, String code, List<String> problems) {
        try {
            return Enum.valueOf(type, code);
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add("[" + code + "] is not a " + type.getSimpleName());
            return null;
        }
    }

    private static String key(String system, String code) {
        return system + "|" + code;
    }

    String version() {
        return version;
    }

    String url() {
        return url;
    }

    /** True if the map lists the finding, with a target or explicitly unmatched. */
    boolean lists(Finding f) {
        return findingListed.containsKey(f);
    }

    List<Target> targets(Finding f) {
        return findingTargets.getOrDefault(f, List.of());
    }

    List<Target> targets(BodyRegion r) {
        return regionTargets.getOrDefault(r, List.of());
    }

    /** The finding a coding names: the project code, or a mapped SNOMED CT code; {@code null} if neither. */
    Finding finding(Coding c) {
        if (c.getSystem() == null || c.getCode() == null) {
            return null;
        }
        if (FhirCodes.FINDING_SYSTEM.equals(c.getSystem())) {
            try {
                return Finding.valueOf(c.getCode());
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return findingByCode.get(key(c.getSystem(), c.getCode()));
    }

    BodyRegion region(Coding c) {
        if (c.getSystem() == null || c.getCode() == null) {
            return null;
        }
        if (FhirCodes.REGION_SYSTEM.equals(c.getSystem())) {
            try {
                return BodyRegion.valueOf(c.getCode());
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return regionByCode.get(key(c.getSystem(), c.getCode()));
    }

    /** True if the coding is a mapped target still marked to-verify. */
    boolean unverified(Coding c) {
        Target t = targetByCode.get(key(c.getSystem(), c.getCode()));
        return t != null && !t.verified();
    }

    Map<Finding, List<Target>> findingTargets() {
        return Collections.unmodifiableMap(findingTargets);
    }
}
