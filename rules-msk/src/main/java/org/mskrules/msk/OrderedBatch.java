package org.mskrules.msk;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import org.mskrules.core.InvalidInputException;

/**
 * Runs a batch on the caller's executor and hands the results back in input order on the calling
 * thread, with a bounded number in flight, so that memory does not grow with the input.
 */
final class OrderedBatch {
    private OrderedBatch() {
    }

    static <T> long run(MskRules rules, Iterator<? extends T> inputs, Function<? super T, Referral> reader,
            LocalDate asOf, Executor executor, int window, Consumer<? super BatchResult<T>> sink) {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(sink, "sink");
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1: " + window);
        }
        ArrayDeque<CompletableFuture<BatchResult<T>>> inFlight = new ArrayDeque<>();
        long index = 0;
        while (inputs.hasNext()) {
            T input = inputs.next();
            long i = index++;
            inFlight.add(CompletableFuture.supplyAsync(() -> one(rules, i, input, reader, asOf), executor));
            while (inFlight.size() >= window || (!inFlight.isEmpty() && inFlight.peek().isDone())) {
                sink.accept(await(inFlight.poll()));
            }
        }
        while (!inFlight.isEmpty()) {
            sink.accept(await(inFlight.poll()));
        }
        return index;
    }

    private static <T> BatchResult<T> one(MskRules rules, long index, T input, Function<? super T, Referral> reader,
            LocalDate asOf) {
        try {
            Referral referral = reader.apply(input);
            return new BatchResult<>(index, input, rules.assess(referral, asOf), List.of());
        } catch (InvalidInputException e) {
            return new BatchResult<>(index, input, null, e.violations());
        }
    }

    /** The result, or the input's own failure (a defect or a broken rule set), unwrapped. */
    private static <T> BatchResult<T> await(CompletableFuture<BatchResult<T>> result) {
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
