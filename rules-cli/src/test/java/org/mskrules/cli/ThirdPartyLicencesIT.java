package org.mskrules.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Issue 20, ADR 0011: every third-party component the executable jar ships (the superset of what any
 * published module brings) is listed with its licence in {@code docs/third-party-licences.md}, and
 * every licence is one the project accepts. The components are the runtime dependencies Maven lists
 * at {@code package} ({@code target/runtime-dependencies.txt}); each licence is read from the
 * component's pom in the local repository, or its parent's when it declares none. Works offline.
 * {@code -Dmskrules.update=true} rewrites the list instead of checking it.
 */
class ThirdPartyLicencesIT {
    static final String DOC = "docs/third-party-licences.md";

    /**
     * Licences a component may have (one of its licences is enough), as they are named in poms:
     * permissive ones, and the file-level copyleft EPL-2.0 and MPL-2.0, which allow redistribution in
     * a larger work. A GPL or LGPL alone is not accepted.
     */
    static final List<Pattern> ACCEPTED = List.of("apache", "\\bmit\\b", "\\bbsd\\b", "eclipse public license.*2\\.0",
            "\\bepl[ -]?2\\.0\\b", "mozilla public license.*2\\.0", "\\bmpl[ -]?2\\.0\\b", "unicode", "public domain",
            "indiana university extreme").stream().map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE)).toList();

    /**
     * Licence names of the GPL family (GPL, LGPL, AGPL, by abbreviation or in words). A licence name
     * that matches one is never accepted, even if it also matches {@link #ACCEPTED} (say "LGPL with
     * an Apache-style notice"): only another licence of the same component, offered as an
     * alternative, can make the component acceptable.
     */
    static final Pattern COPYLEFT = Pattern.compile("\\b[la]?gpl|general public licen[cs]e", Pattern.CASE_INSENSITIVE);

    /** {@code group:artifact:type[:classifier]:version:scope:/path/to/file.jar}, as the list goal writes it. */
    static final Pattern LINE = Pattern.compile(
            "^\\s*([^:\\s]+):([^:\\s]+):jar(?::[^:\\s]+)?:([^:\\s]+):(?:compile|runtime):(/\\S+\\.jar)");

    record Component(String coordinates, String version, List<String> licences) {
        String licence() {
            return licences.isEmpty() ? "(none found)" : String.join(" OR ", licences);
        }

        boolean accepted() {
            return licences.stream().anyMatch(ThirdPartyLicencesIT::acceptedLicence);
        }
    }

    /** Whether one licence name is accepted: it names an accepted licence and no GPL-family one. */
    static boolean acceptedLicence(String name) {
        return !COPYLEFT.matcher(name).find() && ACCEPTED.stream().anyMatch(p -> p.matcher(name).find());
    }

    /** The components that may not be shipped: no accepted licence, and not a listed known defect. */
    static List<Component> refused(List<Component> components, java.util.Map<String, String> knownDefects) {
        return components.stream().filter(c -> !c.accepted() && !knownDefects.containsKey(c.coordinates())).toList();
    }

    static List<Component> components() throws Exception {
        Path list = Path.of("target/runtime-dependencies.txt");
        assertThat(list).as("written by maven-dependency-plugin in the package phase").isRegularFile();
        TreeMap<String, Component> byName = new TreeMap<>();
        for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
            Matcher m = LINE.matcher(line);
            if (!m.find()) {
                continue;
            }
            String group = m.group(1);
            String artifact = m.group(2);
            String version = m.group(3);
            Path jar = Path.of(m.group(4));
            // The local repository: the jar sits in <repo>/<group path>/<artifact>/<version>/.
            Path repo = jar.getParent().getParent().getParent();
            for (String ignored : group.split("\\.")) {
                repo = repo.getParent();
            }
            byName.put(group + ":" + artifact, new Component(group + ":" + artifact, version,
                    licences(repo, group, artifact, version)));
        }
        return List.copyOf(byName.values());
    }

    /** The licence names of a pom, or of the nearest parent that names any. */
    static List<String> licences(Path repo, String group, String artifact, String version) throws Exception {
        for (int depth = 0; depth < 10; depth++) {
            Path pom = repo.resolve(group.replace('.', '/')).resolve(artifact).resolve(version)
                    .resolve(artifact + "-" + version + ".pom");
            if (!Files.isRegularFile(pom)) {
                return List.of();
            }
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = factory.newDocumentBuilder().parse(pom.toFile());
            Element project = doc.getDocumentElement();
            List<String> names = new ArrayList<>();
            Element licenses = child(project, "licenses");
            if (licenses != null) {
                NodeList each = licenses.getElementsByTagName("name");
                for (int i = 0; i < each.getLength(); i++) {
                    names.add(each.item(i).getTextContent().trim().replaceAll("\\s+", " "));
                }
            }
            if (!names.isEmpty()) {
                return names;
            }
            Element parent = child(project, "parent");
            if (parent == null) {
                return List.of();
            }
            group = text(parent, "groupId");
            artifact = text(parent, "artifactId");
            version = text(parent, "version");
        }
        return List.of();
    }

    static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? "" : e.getTextContent().trim();
    }

    static String markdown(List<Component> components) {
        StringBuilder md = new StringBuilder("""
                # Third-party licences

                Generated by `ThirdPartyLicencesIT` (rules-cli): every third-party component the executable
                jar `msk-rules.jar` ships, which is the superset of what any published module brings to a
                host, with the licences its pom (or its parent's) declares. The components are Maven's
                runtime dependencies of `rules-cli` (`rules-cli/target/runtime-dependencies.txt`); each
                published module's own list, with licences, is also in its CycloneDX SBOM
                (`target/<artifact>-<version>-cyclonedx.json`, made when Maven runs online). Regenerate with
                `mvn -B -o -pl rules-cli -am verify -Dtest=NONE -Dit.test=ThirdPartyLicencesIT -Dmskrules.update=true
                -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false`.
                The licences accepted are listed in the test (ADR 0011); an OR means the component is
                offered under either.

                | Component | Version | Licence |
                |---|---|---|
                """);
        for (Component c : components) {
            md.append("| `").append(c.coordinates()).append("` | ").append(c.version()).append(" | ")
                    .append(c.licence().replace("|", "/")).append(" |\n");
        }
        md.append("\n").append(components.size()).append(" components.\n");
        md.append("\n## Known licence defects\n\nShipped although their licence is not accepted: no release may be ")
                .append("made until they are replaced (docs/release.md).\n\n");
        if (KNOWN_LICENCE_DEFECTS.isEmpty()) {
            md.append("None: no GPL, LGPL or AGPL component, and none without an accepted licence, is shipped.\n");
        }
        KNOWN_LICENCE_DEFECTS.entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> md.append("- `").append(e.getKey()).append("`: ").append(e.getValue()).append("\n"));
        return md.toString();
    }

    /**
     * Components shipped although their licence is not accepted: a known defect, listed so that it
     * is seen, never a policy, and a release blocker (docs/release.md). Each entry must still be
     * shipped, so that a fixed one cannot linger here. Empty: the HTML reports' JFreeChart (LGPL) and
     * JFreeSVG (GPL-3.0), the last entries, were replaced by XChart and Apache Batik (Apache-2.0).
     */
    static final java.util.Map<String, String> KNOWN_LICENCE_DEFECTS = java.util.Map.of();

    @Test
    void everyShippedComponentHasAnAcceptedLicence() throws Exception {
        List<Component> components = components();
        assertThat(components).as("third-party runtime components").hasSizeGreaterThan(10);
        assertThat(refused(components, KNOWN_LICENCE_DEFECTS))
                .as("shipped components without an accepted licence (ADR 0011): coordinates, version, licences")
                .extracting(c -> c.coordinates() + " " + c.version() + " [" + c.licence() + "]")
                .isEmpty();
        assertThat(components.stream().filter(c -> !c.accepted()).map(Component::coordinates).toList())
                .as("the known licence defects are exactly the shipped components without an accepted licence")
                .containsExactlyInAnyOrderElementsOf(KNOWN_LICENCE_DEFECTS.keySet());
        // The check can fail (ThirdPartyLicencesTest shows more): a GPL-only or unlicensed component is refused.
        assertThat(refused(List.of(new Component("x:gpl", "1", List.of("GNU General Public License, version 2")),
                new Component("x:none", "1", List.of())), KNOWN_LICENCE_DEFECTS)).hasSize(2);
    }

    @Test
    void theListedLicencesAreThoseTheJarShips() throws Exception {
        String expected = markdown(components());
        Path doc = Path.of("..").resolve(DOC);
        String actual = Files.exists(doc) ? Files.readString(doc, StandardCharsets.UTF_8).replace("\r\n", "\n") : null;
        if (expected.equals(actual)) {
            return;
        }
        if (Boolean.getBoolean("mskrules.update")) {
            Files.writeString(doc, expected, StandardCharsets.UTF_8);
            System.out.println("[mskrules.update] wrote " + DOC);
            return;
        }
        fail(DOC + (actual == null ? " is missing" : " is stale") + ": it no longer matches the runtime"
                + " dependencies. If the change is intended, regenerate it with -Dmskrules.update=true and commit it.");
    }
}
