package org.mskrules.bench;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.mskrules.msk.waitinglist.EntryFormat;
import org.mskrules.msk.waitinglist.WaitingListReview;
import org.mskrules.msk.waitinglist.WaitingListRules;

/**
 * Issue 15's memory harness: reviews a generated waiting list of {@code N} entries (default
 * 10,000,000) streamed from a generator (no file), once as a whole review and once reporting every
 * line (the {@code waitlist --jsonl} path), and prints the wall time, the peak heap sampled every
 * 2 ms, and how many entries the review reports. Run under {@code -Xmx512m} to show that memory is
 * bounded by what is reported, not by the list. On demand only ({@code run-benchmarks.sh memory});
 * never part of {@code mvn verify}.
 *
 * <p>The list (seed 15): unique ids, 20% priority patients, waits within their threshold except one
 * entry in 10,000 (which waits 100-400 days and so breaches milestones), 3% seen, one in 1,000 with a
 * validation contact, one in 100,000 with an impossible date (rejected) and one in 1,000,000 that
 * repeats an earlier id (both lines rejected). So the review reports about 0.1% of the list, and its
 * duplicate detection still sees every id.
 */
public final class WaitingListMemoryHarness {
    static final LocalDate AS_OF = LocalDate.of(2023, 11, 20);

    private WaitingListMemoryHarness() {
    }

    public static void main(String[] args) throws Exception {
        long entries = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        System.out.printf(Locale.ROOT, "machine: %s %s, %d processors, Java %s, max heap %d MB%n",
                System.getProperty("os.name"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);
        WaitingListRules rules = WaitingListRules.builder().build();
        for (boolean everyLine : new boolean[] {false, true}) {
            System.gc();
            HeapSampler sampler = new HeapSampler();
            sampler.start();
            long start = System.nanoTime();
            AtomicLong lines = new AtomicLong();
            WaitingListReview review;
            try (InputStream in = new GeneratedList(entries)) {
                review = everyLine ? rules.review(in, EntryFormat.CSV, AS_OF, o -> lines.incrementAndGet())
                        : rules.review(in, EntryFormat.CSV, AS_OF);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = sampler.finish();
            long reported = review.overThreshold().size() + review.validationCohort().size()
                    + review.validationOutcomes().size() + review.rejected().size() + review.longestWaits().size()
                    + review.milestones().stream().mapToLong(m -> m.breaching().size()).sum();
            System.out.printf(Locale.ROOT, "%s: %,d entries in %.1f s (%,.0f entries/s); peak heap sampled %d MB; "
                            + "in %d = reviewed %d + rejected %d; reported entries %,d (over threshold %d, cohort %d, "
                            + "outcomes %d, rejected %d)%s%n",
                    everyLine ? "every line (waitlist --jsonl)" : "whole review", entries, seconds, entries / seconds,
                    peak >> 20, review.summary().entriesIn(), review.summary().reviewed(), review.summary().rejected(),
                    reported, review.overThreshold().size(), review.validationCohort().size(),
                    review.validationOutcomes().size(), review.rejected().size(),
                    everyLine ? "; outcomes delivered " + lines.get() : "");
            if (review.summary().entriesIn() != entries || (everyLine && lines.get() != entries)) {
                throw new IllegalStateException("entries lost: " + review.summary());
            }
        }
    }

    /** The list described in the class comment, as CSV bytes made as they are read. */
    static final class GeneratedList extends InputStream {
        private final long entries;
        private final SplittableRandom random = new SplittableRandom(15);
        private long next = -1;
        private byte[] line = new byte[0];
        private int position;

        GeneratedList(long entries) {
            this.entries = entries;
        }

        private boolean fill() {
            if (next == entries) {
                return false;
            }
            String text;
            if (next < 0) {
                text = "entryId,category,received,firstContact,validatedOn,wishesToBeSeen\n";
            } else {
                long i = next;
                boolean priority = random.nextDouble() < 0.20;
                long days = random.nextDouble() < 0.0001 ? 100 + random.nextLong(301)
                        : random.nextLong(priority ? 14 : 84);
                LocalDate received = AS_OF.minusDays(days);
                long id = random.nextDouble() < 0.000001 && i > 0 ? random.nextLong(i) : i;
                StringBuilder b = new StringBuilder(80).append("WL").append(String.format(Locale.ROOT, "%09d", id))
                        .append(',').append(priority ? "PRIORITY" : "NON_PRIORITY").append(',');
                b.append(random.nextDouble() < 0.00001 ? received.getYear() + "-02-30" : received.toString()).append(',');
                if (random.nextDouble() < 0.03 && days > 0) {
                    b.append(received.plusDays(random.nextLong(days + 1)));
                }
                b.append(',');
                if (random.nextDouble() < 0.001 && days > 0) {
                    b.append(received.plusDays(random.nextLong(days + 1))).append(",YES");
                } else {
                    b.append(',');
                }
                text = b.append('\n').toString();
            }
            next++;
            line = text.getBytes(StandardCharsets.US_ASCII);
            position = 0;
            return true;
        }

        @Override
        public int read() {
            if (position == line.length && !fill()) {
                return -1;
            }
            return line[position++];
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = 0;
            while (n < len) {
                if (position == line.length && !fill()) {
                    return n == 0 ? -1 : n;
                }
                int k = Math.min(len - n, line.length - position);
                System.arraycopy(line, position, b, off + n, k);
                position += k;
                n += k;
            }
            return n;
        }
    }
}
