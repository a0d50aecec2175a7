package org.mskrules.governance;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.mskrules.core.RulesException;

/**
 * Evaluates a population on a fixed pool of threads, one per core, a chunk at a time, and hands the
 * results to a sink one by one in population order: reports are deterministic, and at most two chunks
 * of results are held at a time.
 *
 * <p>The next chunk is evaluated while the calling thread hands the last one to the sink, so the
 * workers do not wait for the sink (issue 20: a million cases of impact analysis).
 *
 * <p>Not the common fork-join pool: its threads carry the system class loader, and Drools finds its
 * runtime through the thread's context class loader, which in a container or under
 * {@code mvn exec:java} is not the system one. The pool's threads get the caller's.
 */
final class Chunks {
    /** Large enough to keep every core busy, small enough that a chunk's results are a few megabytes. */
    static final int SIZE = 4_096;

    private Chunks() {
    }

    /**
     * As described above, on {@code executor} (a caller's, issue 20) or, when it is {@code null}, on a
     * pool made for this call and shut down after it. A caller's executor may have any number of
     * threads (one per core are asked for; fewer only take longer); each task runs with the caller's
     * context class loader and restores the thread's own afterwards. If an evaluation throws, the
     * exception is rethrown here after the tasks already given to the executor have stopped taking
     * cases.
     */
    static <T> void forEach(Population population, Function<PopulationCase, T> evaluate,
            BiConsumer<PopulationCase, T> sink, Executor executor) {
        List<PopulationCase> cases = population.cases();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        AtomicInteger names = new AtomicInteger();
        ExecutorService own = executor != null ? null : Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, "msk-governance-" + names.incrementAndGet());
            t.setDaemon(true);
            t.setContextClassLoader(loader);
            return t;
        });
        Executor pool = executor != null ? executor : own;
        // Set only when this call gives up (a failure, or an exception from the sink): started tasks
        // then take no more cases.
        AtomicBoolean stop = new AtomicBoolean();
        Chunk current = null;
        Chunk pending = null;
        try {
            pending = cases.isEmpty() ? null : new Chunk(0, Math.min(cases.size(), SIZE));
            if (pending != null) {
                pending.start(cases, evaluate, threads, loader, stop, pool);
            }
            while (pending != null) {
                current = pending;
                // Started before the current chunk goes to the sink, so the workers never wait for it.
                pending = current.to == cases.size() ? null
                        : new Chunk(current.to, Math.min(cases.size(), current.to + SIZE));
                if (pending != null) {
                    pending.start(cases, evaluate, threads, loader, stop, pool);
                }
                current.await();
                for (int i = 0; i < current.cases.length; i++) {
                    @SuppressWarnings("unchecked")
                    T result = (T) current.results[i];
                    sink.accept(current.cases[i], result);
                }
                current = null;
            }
        } finally {
            stop.set(true);
            // Only left set after a failure: let the started tasks end (they take no more cases)
            // before returning, so that no evaluation outlives the call; the first failure is reported.
            if (current != null) {
                current.quietly();
            }
            if (pending != null) {
                pending.quietly();
            }
            if (own != null) {
                own.shutdownNow();
            }
        }
    }

    /** Cases {@code from} (inclusive) to {@code to} (exclusive), their results, and their workers. */
    private static final class Chunk {
        final int from;
        final int to;
        final PopulationCase[] cases;
        final Object[] results;
        final List<Future<?>> workers = new ArrayList<>();

        Chunk(int from, int to) {
            this.from = from;
            this.to = to;
            this.cases = new PopulationCase[to - from];
            this.results = new Object[to - from];
        }

        <T> void start(List<PopulationCase> all, Function<PopulationCase, T> evaluate, int threads,
                ClassLoader loader, AtomicBoolean stop, Executor pool) {
            AtomicInteger next = new AtomicInteger(from);
            for (int w = 0; w < threads; w++) {
                workers.add(CompletableFuture.runAsync(() -> {
                    Thread current = Thread.currentThread();
                    ClassLoader own0 = current.getContextClassLoader();
                    current.setContextClassLoader(loader);
                    try {
                        // Synthetic cases are generated here too, on the worker that evaluates them.
                        for (int i = next.getAndIncrement(); i < to && !stop.get(); i = next.getAndIncrement()) {
                            PopulationCase c = all.get(i);
                            cases[i - from] = c;
                            results[i - from] = evaluate.apply(c);
                        }
                    } finally {
                        current.setContextClassLoader(own0);
                    }
                }, pool));
            }
        }

        /** Waits for every worker; the first failure is rethrown. */
        void await() {
            for (Future<?> worker : workers) {
                try {
                    worker.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new RulesException("interrupted while evaluating the population", e);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    if (e.getCause() instanceof Error err) {
                        throw err;
                    }
                    throw new RulesException("evaluating the population failed", e.getCause());
                }
            }
        }

        void quietly() {
            for (Future<?> worker : workers) {
                try {
                    worker.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (ExecutionException e) {
                    // Already stopped; the failure that ended the run is the one reported.
                }
            }
        }
    }
}
