package org.mskrules.core;

import java.util.Collection;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieContainer;

/**
 * Where a registry's knowledge bases come from: the executable model's classes on the class path
 * ({@link ExecutableModelKieBases}, the usual way) or a Drools {@link KieContainer} (tests, and a
 * class path the fast way cannot read). Implementations are thread-safe.
 */
interface KieBaseSource {
    /** Names of the kbases declared, for the message when a manifest names another. */
    Collection<String> kieBaseNames();

    /** Builds the kbase {@code name}, one of {@link #kieBaseNames}; any failure is a runtime exception. */
    KieBase kieBase(String name);

    static KieBaseSource of(KieContainer container) {
        return new KieBaseSource() {
            @Override
            public Collection<String> kieBaseNames() {
                return container.getKieBaseNames();
            }

            @Override
            public KieBase kieBase(String name) {
                return container.getKieBase(name);
            }
        };
    }
}
