package org.mskrules.msk.waitinglist;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;
import org.mskrules.core.io.Json;
import org.mskrules.core.RulesException;

/**
 * Every entry's review of a review that reports each line, written to a temporary file in line order
 * and read back once the review is complete, so that the outcomes of a list of any length are
 * delivered in memory that does not grow with it. Reviews whose validation outcome is still to be
 * decided hold their place ({@link Slot}); at most {@link #MAX_BUFFERED} reviews wait in memory
 * behind one. Not thread-safe; one per review.
 */
final class ReviewSpool implements AutoCloseable {
    /** Reviews held in memory behind one whose validation outcome is pending, at most; the run decides then. */
    static final int MAX_BUFFERED = 1 << 16;
    private static final ObjectMapper MAPPER = Json.newMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** A review's place in line order, filled when its review is complete. */
    static final class Slot {
        private EntryReview review;

        void fill(EntryReview r) {
            review = r;
        }
    }

    private final Path file;
    private final BufferedWriter out;
    private final ArrayDeque<Slot> waiting = new ArrayDeque<>();

    ReviewSpool() {
        try {
            file = Files.createTempFile("msk-rules-reviews-", ".jsonl");
            file.toFile().deleteOnExit();
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RulesException("cannot create the temporary file of entry reviews: " + e.getMessage(), e);
        }
    }

    /** A place for a review to come. */
    Slot reserve() {
        Slot s = new Slot();
        waiting.add(s);
        return s;
    }

    /** A complete review, next in line order. */
    void append(EntryReview r) {
        if (waiting.isEmpty()) {
            write(r);
        } else {
            Slot s = new Slot();
            s.fill(r);
            waiting.add(s);
        }
    }

    /** How many reviews wait in memory. */
    int buffered() {
        return waiting.size();
    }

    /** Writes every review at the head that is complete. */
    void drain() {
        while (!waiting.isEmpty() && waiting.peek().review != null) {
            write(waiting.poll().review);
        }
    }

    private void write(EntryReview r) {
        try {
            out.write(MAPPER.writeValueAsString(r));
            out.write('\n');
        } catch (IOException e) {
            throw new RulesException("cannot write the temporary file of entry reviews: " + e.getMessage(), e);
        }
    }

    /** After the last review: everything is on disk. */
    void finishWriting() {
        drain();
        if (!waiting.isEmpty()) {
            throw new IllegalStateException(waiting.size() + " reviews still wait for their validation outcome");
        }
        try {
            out.close();
        } catch (IOException e) {
            throw new RulesException("cannot write the temporary file of entry reviews: " + e.getMessage(), e);
        }
    }

    /**
     * Gives {@code eachLine} every outcome in line order: the spooled reviews merged with
     * {@code rejected} (sorted by line), a rejection replacing a review of the same line (a
     * duplicated id). Returns how many were given.
     */
    long replay(List<RejectedEntry> rejected, Consumer<EntryOutcome> eachLine) {
        long given = 0;
        int next = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                EntryReview r = MAPPER.readValue(text, EntryReview.class);
                while (next < rejected.size() && rejected.get(next).line() < r.line()) {
                    eachLine.accept(EntryOutcome.rejected(rejected.get(next++)));
                    given++;
                }
                if (next < rejected.size() && rejected.get(next).line() == r.line()) {
                    continue; // its id is on another line too: the rejection comes in its turn
                }
                eachLine.accept(EntryOutcome.reviewed(r));
                given++;
            }
        } catch (IOException e) {
            throw new RulesException("cannot read the temporary file of entry reviews: " + e.getMessage(), e);
        }
        while (next < rejected.size()) {
            eachLine.accept(EntryOutcome.rejected(rejected.get(next++)));
            given++;
        }
        return given;
    }

    @Override
    public void close() {
        try {
            out.close();
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // deleteOnExit is the fallback
        }
    }
}
