package org.mskrules.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mskrules.msk.Assessment;
import org.mskrules.msk.MskRules;

/**
 * Issue 20: impact analysis runs on a caller's {@code Executor} (a host's managed pool), with the same
 * report as on its own pool, even when the executor's threads carry a context class loader that
 * cannot see the library (each task runs with the caller's); and the same counts on one thread as on
 * several, each equal to a plain loop over the population that uses neither executor nor chunks.
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

    /**
     * Two chunks and a bit (the next chunk is evaluated while the last goes to the tally), 1.0.0
     * against 1.1.0: on one thread, on four (more than the cores, so chunks overlap and finish out of
     * order) and on the library's own pool, the report is the same, and its counts are those of a
     * plain sequential loop: every case counted once, the changed cases in population order.
     */
    @Test
    void oneThreadAndManyThreadsGiveTheCountsOfAPlainLoop() {
        MskRules from = MskRules.builder().ruleSetVersion("1.0.0").build();
        MskRules to = MskRules.builder().ruleSetVersion("1.1.0").build();
        Population population = Population.synthetic(20_261_207L, 2 * Chunks.SIZE + 123, AS_OF);

        List<String> changed = new ArrayList<>();
        Map<String, Integer> escalation = new TreeMap<>();
        for (PopulationCase c : population.cases()) {
            Assessment a = from.assess(c.referral(), c.asOf(), c.profile());
            Assessment b = to.assess(c.referral(), c.asOf(), c.profile());
            if (!ImpactReport.Decision.of(a).equals(ImpactReport.Decision.of(b))) {
                changed.add(c.id());
            }
            escalation.merge(a.escalation() + "->" + b.escalation(), 1, Integer::sum);
        }
        assertThat(changed).as("a comparison that changes something").isNotEmpty();

        ExecutorService one = Executors.newSingleThreadExecutor();
        ExecutorService four = Executors.newFixedThreadPool(4);
        try {
            ImpactReport onOne = ImpactAnalysis.diff(from, to, population, one);
            ImpactReport onFour = ImpactAnalysis.diff(from, to, population, four);
            ImpactReport onOwn = ImpactAnalysis.diff(from, to, population);
            for (ImpactReport r : List.of(onOne, onFour, onOwn)) {
                assertThat(r.cases()).isEqualTo(population.size());
                assertThat(r.compared()).isEqualTo(population.size());
                assertThat(r.errored()).isZero();
                assertThat(r.changedCases()).extracting(ImpactReport.ChangedCase::id).containsExactlyElementsOf(changed);
                assertThat(r.changed()).isEqualTo(changed.size());
                Map<String, Integer> transitions = new TreeMap<>();
                r.escalation().forEach((x, row) -> row.forEach((y, n) -> transitions.put(x + "->" + y, n)));
                assertThat(transitions).isEqualTo(escalation);
            }
            assertThat(onFour).isEqualTo(onOne);
            assertThat(onOwn).isEqualTo(onOne);
        } finally {
            one.shutdownNow();
            four.shutdownNow();
        }
    }
}
