package org.mskrules.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.mskrules.core.io.Json;
import org.mskrules.core.Violation;
import org.mskrules.governance.SyntheticReferrals;
import org.mskrules.msk.Assessment;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.Referral;
import org.mskrules.msk.ReferralJson;
import org.mskrules.msk.waitinglist.EntryFormat;
import org.mskrules.msk.waitinglist.WaitingListReview;
import org.mskrules.msk.waitinglist.WaitingListRules;

/**
 * The facades are documented as thread-safe: many threads sharing one instance, assessing the same
 * and different referrals in different orders, must give exactly what one thread gives, trace and
 * all; so must the JSON reader and concurrent reviews of one waiting list.
 */
class ConcurrencyTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    static final int THREADS = 6;
    static final int REFERRALS = 400;

    @Test
    void manyThreadsSharingOneInstanceDecideExactlyAsOneThreadDoes() throws Exception {
        // A fresh registry and instance, used first by the threads: first-use races would show here.
        MskRules rules = MskRules.builder().registry(org.mskrules.core.RuleSetRegistry.fromClasspath()).build();
        SplittableRandom random = new SplittableRandom(20261123);
        List<Referral> referrals = new ArrayList<>();
        for (int i = 0; i < REFERRALS; i++) {
            referrals.add(SyntheticReferrals.referral((min, max) -> random.nextInt(min, max + 1), AS_OF, i % 2 == 0 ? 0 : 50));
        }
        // The same referral many times over, interleaved with the others.
        Referral same = referrals.get(0);
        for (int i = 0; i < REFERRALS / 4; i++) {
            referrals.add(same);
        }
        List<List<Assessment>> concurrent = runConcurrently(t -> {
            // Each thread its own order, so that the same referral is in flight on several threads at once.
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < referrals.size(); i++) {
                order.add(i);
            }
            Collections.shuffle(order, new java.util.Random(t));
            Assessment[] out = new Assessment[referrals.size()];
            for (int i : order) {
                out[i] = rules.assess(referrals.get(i), AS_OF);
            }
            return List.of(out);
        });
        List<Assessment> sequential = referrals.stream().map(r -> rules.assess(r, AS_OF)).toList();
        for (List<Assessment> result : concurrent) {
            assertThat(result).hasSameSizeAs(sequential);
            for (int i = 0; i < sequential.size(); i++) {
                assertThat(result.get(i)).as("referral %d", i).isEqualTo(sequential.get(i));
            }
        }
        // Not a vacuous comparison: the population has red flags and several routes.
        assertThat(sequential.stream().map(a -> a.route().route()).distinct().count()).isGreaterThan(2);
        assertThat(sequential.stream().filter(a -> !a.redFlags().isEmpty()).count()).isGreaterThan(10);
    }

    @Test
    void theJsonReaderGivesEveryThreadTheSameAnswer() throws Exception {
        List<String> docs = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200; i++) {
            docs.add(GarbageInputProperties.mutatedReferral(random));
            docs.add(Json.writeValueAsString(SyntheticReferrals.referral((min, max) -> random.nextInt(min, max + 1), AS_OF)));
        }
        List<List<Violation>> sequential = docs.stream().map(d -> ReferralJson.check(d, AS_OF)).toList();
        for (List<List<Violation>> result : runConcurrently(t -> docs.stream().map(d -> ReferralJson.check(d, AS_OF)).toList())) {
            assertThat(result).isEqualTo(sequential);
        }
        assertThat(sequential.stream().filter(List::isEmpty).count()).isBetween(1L, 399L);
    }

    @Test
    void concurrentReviewsOfOneWaitingListAgreeWithASequentialOne() throws Exception {
        WaitingListRules rules = WaitingListRules.builder().build();
        byte[] csv = Files.readAllBytes(RepoPaths.root().resolve("examples").resolve("waiting-list.csv"));
        LocalDate asOf = LocalDate.of(2023, 11, 20);
        String sequential = Json.writeValueAsString(rules.review(new ByteArrayInputStream(csv), EntryFormat.CSV, asOf));
        for (String result : runConcurrently(t -> {
            WaitingListReview r = rules.review(new ByteArrayInputStream(csv), EntryFormat.CSV, asOf);
            return Json.writeValueAsString(r);
        })) {
            assertThat(result).isEqualTo(sequential);
        }
        assertThat(sequential.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(1000);
    }

    interface Work<T> {
        T run(int thread) throws Exception;
    }

    /** Runs {@code work} on {@link #THREADS} threads released together, and returns each one's result. */
    private static <T> List<T> runConcurrently(Work<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                Callable<T> task = () -> {
                    start.await();
                    return work.run(thread);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
