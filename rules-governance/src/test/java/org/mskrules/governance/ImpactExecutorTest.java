package org.mskrules.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mskrules.msk.MskRules;

/**
 * Issue 20: impact analysis runs on a caller's {@code Executor} (a host's managed pool), with the same
 * report as on its own pool, even when the executor's threads carry a context class loader that
 * cannot see the library (each task runs with the caller's).
 */
class ImpactExecutorTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);

    @Test
    void aCallersExecutorWithAForeignContextClassLoaderGivesTheSameReport() throws Exception {
        MskRules current = MskRules.builder().ruleSetVersion("1.0.0").build();
        MskRules ageSixty = MskRules.builder().ruleSetVersion("1.0.0").parameter("malignancyAgeYears", 60).build();
        // Two chunks, so that the executor is used more than once.
        Population population = Population.synthetic(7, Chunks.SIZE + 50, AS_OF);
        ClassLoader foreign = new URLClassLoader(new URL[0], null);
        AtomicInteger tasks = new AtomicInteger();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        ExecutorService host = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "host-pool");
            t.setContextClassLoader(foreign);
            return t;
        });
        try {
            ImpactReport onHost = ImpactAnalysis.diff(current, ageSixty, population, task -> {
                tasks.incrementAndGet();
                host.execute(() -> {
                    threads.add(Thread.currentThread().getName());
                    task.run();
                });
            });
            assertThat(onHost).isEqualTo(ImpactAnalysis.diff(current, ageSixty, population));
            assertThat(onHost.cases()).isEqualTo(population.size());
            assertThat(onHost.errored()).isZero();
            assertThat(tasks.get()).as("tasks given to the caller's executor").isGreaterThanOrEqualTo(2);
            assertThat(threads).containsExactly("host-pool");
            // The host thread's own loader is restored after each task.
            assertThat(host.submit(() -> Thread.currentThread().getContextClassLoader()).get()).isSameAs(foreign);
        } finally {
            host.shutdownNow();
        }
    }
}
