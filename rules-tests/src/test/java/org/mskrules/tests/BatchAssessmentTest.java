package org.mskrules.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mskrules.core.InvalidInputException;
import org.mskrules.governance.RandomDraws;
import org.mskrules.governance.SyntheticReferrals;
import org.mskrules.msk.Assessment;
import org.mskrules.msk.BatchResult;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.Referral;
import org.mskrules.msk.ReferralJson;

/**
 * {@link MskRules#assessAll}: a batch on the caller's executor gives one result per input, in input
 * order, each equal to what {@link MskRules#assess} decides for it alone; rejections keep their
 * place; a defect stops the batch after every earlier result; no more than the window is in flight.
 */
class BatchAssessmentTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    private static final MskRules RULES = MskRules.builder().ruleSetVersion("1.1.0").build();
    /** Threads whose context class loader knows nothing of the library, as a host's pool may have. */
    private static final ExecutorService FOREIGN = Executors.newFixedThreadPool(4, task -> {
        Thread t = new Thread(task, "host-pool");
        t.setDaemon(true);
        t.setContextClassLoader(new URLClassLoader(new URL[0], null));
        return t;
    });

    @AfterAll
    static void stop() throws InterruptedException {
        FOREIGN.shutdownNow();
        FOREIGN.awaitTermination(10, TimeUnit.SECONDS);
    }

    private static List<Referral> referrals(int n, long seed) {
        RandomDraws draws = RandomDraws.from(new SplittableRandom(seed));
        List<Referral> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(SyntheticReferrals.referral(draws, AS_OF));
        }
        return out;
    }

    @Test
    void everyReferralGetsItsOwnDecisionInInputOrderOnAHostPoolAndOnTheCallingThread() {
        List<Referral> referrals = referrals(2_000, 20);
        List<Assessment> alone = referrals.stream().map(r -> RULES.assess(r, AS_OF)).toList();
        for (java.util.concurrent.Executor executor : List.<java.util.concurrent.Executor>of(FOREIGN, Runnable::run)) {
            List<BatchResult<Referral>> results = new ArrayList<>();
            long read = RULES.assessAll(referrals.iterator(), AS_OF, executor, results::add);
            assertThat(read).isEqualTo(2_000);
            assertThat(results).hasSize(2_000);
            for (int i = 0; i < results.size(); i++) {
                BatchResult<Referral> r = results.get(i);
                assertThat(r.index()).isEqualTo(i);
                assertThat(r.input()).isSameAs(referrals.get(i));
                assertThat(r.decided()).isTrue();
                assertThat(r.assessment()).isEqualTo(alone.get(i));
            }
        }
    }

    @Test
    void resultsComeBackInInputOrderEvenWhenLaterInputsFinishFirst() {
        List<Referral> referrals = referrals(300, 21);
        // Earlier tasks are held longer than later ones, so they finish out of order.
        java.util.concurrent.Executor slowFirst = task -> FOREIGN.execute(() -> {
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(new SplittableRandom(task.hashCode()).nextInt(0, 3000)));
            task.run();
        });
        List<Long> order = new ArrayList<>();
        List<Assessment> decided = new ArrayList<>();
        RULES.assessAll(referrals.iterator(), AS_OF, slowFirst, r -> {
            order.add(r.index());
            decided.add(r.assessment());
        });
        assertThat(order).isSortedAccordingTo(Long::compare).hasSize(300).startsWith(0L).endsWith(299L);
        assertThat(decided).isEqualTo(referrals.stream().map(r -> RULES.assess(r, AS_OF)).toList());
        // The population is varied enough that a mix-up would show: more than one kind of decision.
        assertThat(decided.stream().map(a -> a.route().route()).distinct().count()).isGreaterThan(2);
    }

    @Test
    void aLineThatCannotBeReadIsRejectedWithEveryProblemInItsPlace() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(RepoPaths.root().resolve("examples/referrals.jsonl")));
        lines.add(1, "{\"referralId\":\"BAD-1\",\"ageYears\":-3,\"sex\":\"SOMETIMES\"}");
        lines.add("not json");
        List<BatchResult<String>> results = new ArrayList<>();
        RULES.assessAll(lines.iterator(), line -> ReferralJson.read(line, AS_OF), AS_OF, FOREIGN, results::add);
        assertThat(results).hasSize(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            BatchResult<String> r = results.get(i);
            assertThat(r.input()).isEqualTo(lines.get(i));
            List<org.mskrules.core.Violation> direct = ReferralJson.check(lines.get(i), AS_OF);
            if (direct.isEmpty()) {
                assertThat(r.decided()).as("line %d", i).isTrue();
                assertThat(r.assessment()).isEqualTo(RULES.assess(ReferralJson.read(lines.get(i), AS_OF), AS_OF));
            } else {
                assertThat(r.decided()).as("line %d", i).isFalse();
                assertThat(r.problems()).isEqualTo(direct);
            }
        }
        assertThat(results.get(1).decided()).isFalse();
        assertThat(results.get(1).problems()).extracting(org.mskrules.core.Violation::path)
                .contains("/ageYears", "/sex");
        assertThat(results.get(lines.size() - 1).decided()).isFalse();
        // examples/README.md: EX-0001 to EX-0003 are decided, EX-0004 is invalid on purpose.
        assertThat(results.stream().filter(BatchResult::decided).map(r -> r.assessment().referralId()))
                .containsExactly("EX-0001", "EX-0002", "EX-0003");
        assertThat(results.get(4).problems()).extracting(org.mskrules.core.Violation::path)
                .containsExactlyInAnyOrder("/ageYears", "/referralDate");
    }

    @Test
    void aDefectStopsTheBatchAfterEveryEarlierResultAndNoLaterOne() {
        List<Referral> referrals = referrals(1_000, 22);
        Referral broken = referrals.get(600);
        List<Long> seen = new ArrayList<>();
        assertThatThrownBy(() -> RULES.assessAll(referrals.iterator(), r -> {
            if (r == broken) {
                throw new IllegalStateException("defect");
            }
            return r;
        }, AS_OF, FOREIGN, r -> seen.add(r.index()))).isInstanceOf(IllegalStateException.class).hasMessage("defect");
        assertThat(seen).hasSize(600).startsWith(0L).endsWith(599L).isSortedAccordingTo(Long::compare);
    }

    @Test
    void noMoreThanTheWindowIsInFlight() {
        AtomicInteger submitted = new AtomicInteger();
        AtomicInteger delivered = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        java.util.concurrent.Executor counting = task -> {
            most.accumulateAndGet(submitted.incrementAndGet() - delivered.get(), Math::max);
            FOREIGN.execute(task);
        };
        List<Referral> referrals = referrals(1_500, 23);
        RULES.assessAll(referrals.iterator(), AS_OF, counting, r -> delivered.incrementAndGet());
        assertThat(delivered.get()).isEqualTo(1_500);
        assertThat(most.get()).isLessThanOrEqualTo(MskRules.BATCH_WINDOW).isGreaterThan(1);
    }

    @Test
    void aReferralsOwnProblemsAreARejectionNotAFailure() {
        Referral child = Referral.builder().referralId("C-1").ageYears(200).build();
        List<BatchResult<Referral>> results = new ArrayList<>();
        RULES.assessAll(List.of(child).iterator(), AS_OF, FOREIGN, results::add);
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.decided()).isFalse();
            InvalidInputException direct = (InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(
                    () -> RULES.assess(child, AS_OF));
            assertThat(r.problems()).isEqualTo(direct.violations());
        });
    }
}
