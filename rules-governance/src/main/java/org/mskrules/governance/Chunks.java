package org.mskrules.governance;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.mskrules.core.RulesException;

/**
 * Evaluates a population on a fixed pool of threads, one per core, a chunk at a time, and hands the
 * results to a sink one by one in population order: reports are deterministic, and only one chunk of
 * results is held at a time.
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
     * context class loader and restores the thread's own afterwards.
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
        try {
            for (int start = 0; start < cases.size(); start += SIZE) {
                int from = start;
                int to = Math.min(cases.size(), start + SIZE);
                PopulationCase[] chunk = new PopulationCase[to - from];
                Object[] results = new Object[to - from];
                AtomicInteger next = new AtomicInteger(from);
                List<Future<?>> workers = new ArrayList<>();
                for (int w = 0; w < threads; w++) {
                    workers.add(CompletableFuture.runAsync(() -> {
                        Thread current = Thread.currentThread();
                        ClassLoader own0 = current.getContextClassLoader();
                        current.setContextClassLoader(loader);
                        try {
                            // Synthetic cases are generated here too, on the worker that evaluates them.
                            for (int i = next.getAndIncrement(); i < to; i = next.getAndIncrement()) {
                                PopulationCase c = cases.get(i);
                                chunk[i - from] = c;
                                results[i - from] = evaluate.apply(c);
                            }
                        } finally {
                            current.setContextClassLoader(own0);
                        }
                    }, pool));
                }
                await(workers);
                for (int i = 0; i < chunk.length; i++) {
                    @SuppressWarnings("unchecked")
                    T result = (T) results[i];
                    sink.accept(chunk[i], result);
                }
            }
        } finally {
            if (own != null) {
                own.shutdownNow();
            }
        }
    }

    private static void await(List<Future<?>> workers) {
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
}
