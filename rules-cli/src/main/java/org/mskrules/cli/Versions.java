package org.mskrules.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.mskrules.core.RuleSetManifest;
import org.mskrules.core.RuleSetRegistry;
import org.mskrules.msk.MskRules;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: the command line's version and every rule-set version on the class path, with
 * its status, effective date and content hash (recorded and checked for a released version, computed
 * for a working one).
 */
final class Versions implements IVersionProvider {
    @Override
    public String[] getVersion() {
        List<String> lines = new ArrayList<>();
        lines.add("msk-rules " + cliVersion() + " (Java " + System.getProperty("java.version") + ")");
        lines.add("Rule-set versions:");
        RuleSetRegistry registry = RuleSetRegistry.fromClasspath(MskRules.class.getClassLoader());
        for (String id : registry.ruleSetIds()) {
            for (String version : registry.versions(id)) {
                RuleSetManifest m = registry.manifest(id, version);
                // A released version's recorded hash is checked, a working version's computed; no
                // rules are loaded for it (issue 20: only what a run needs).
                String hash = registry.contentHash(id, version);
                lines.add(String.format("  %-18s %-7s %-8s %s  %s", id, version, m.status(),
                        m.status() == RuleSetManifest.Status.RELEASED ? "effective " + m.effectiveFrom()
                                : "not for clinical use", hash));
            }
        }
        // picocli formats each line: a literal percent sign would need escaping, and none is expected.
        return lines.toArray(String[]::new);
    }

    /** The build's version, from a resource Maven filters. */
    static String cliVersion() {
        Properties p = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }
}
