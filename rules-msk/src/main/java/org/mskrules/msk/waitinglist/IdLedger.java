package org.mskrules.msk.waitinglist;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import org.mskrules.core.RulesException;

/**
 * Every entry id of a review with its line and a little of what became of it, for exact duplicate
 * detection in memory that does not grow with the list: an external sort. Ids are gathered in a
 * chunk of {@link #CHUNK} records; a full chunk is sorted by id and line and written to a temporary
 * file (a run); at the end the runs and the last chunk are merged, so that every line of an id comes
 * together, in line order. Cost: one chunk in memory (about 20 MB), and on disk the id (two bytes a
 * character) plus 28 bytes per entry, written once and read once; a list smaller than a chunk touches no file. Not
 * thread-safe; one per review.
 */
final class IdLedger implements AutoCloseable {
    /** Records per chunk: memory is this many ids and three longs each, whatever the list's length. */
    static final int CHUNK = 1 << 18;

    /** One line that had an id: its line and two words of state that the review packs and unpacks. */
    record Entry(String id, long line, long info, long extra) {
    }

    private static final Comparator<Entry> BY_ID_THEN_LINE = Comparator.comparing(Entry::id)
            .thenComparingLong(Entry::line);

    private final int chunkSize;
    private String[] ids;
    private long[] lines;
    private long[] infos;
    private long[] extras;
    private int size;
    private final List<Path> runs = new ArrayList<>();

    IdLedger() {
        this(CHUNK);
    }

    /** With a chunk of {@code chunkSize} records, small in tests so that runs are written and merged. */
    IdLedger(int chunkSize) {
        this.chunkSize = chunkSize;
        int first = Math.min(chunkSize, 1024);
        ids = new String[first];
        lines = new long[first];
        infos = new long[first];
        extras = new long[first];
    }

    void add(String id, long line, long info, long extra) {
        if (size == chunkSize) {
            spill();
        }
        if (size == ids.length) {
            int grown = (int) Math.min((long) ids.length * 2, chunkSize);
            ids = Arrays.copyOf(ids, grown);
            lines = Arrays.copyOf(lines, grown);
            infos = Arrays.copyOf(infos, grown);
            extras = Arrays.copyOf(extras, grown);
        }
        ids[size] = id;
        lines[size] = line;
        infos[size] = info;
        extras[size] = extra;
        size++;
    }

    /** How many runs were written to disk so far. */
    int runs() {
        return runs.size();
    }

    private Integer[] sortedChunk() {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int c = ids[a].compareTo(ids[b]);
            return c != 0 ? c : Long.compare(lines[a], lines[b]);
        });
        return order;
    }

    private void spill() {
        Integer[] order = sortedChunk();
        Path run;
        try {
            run = Files.createTempFile("msk-rules-ids-", ".run");
            run.toFile().deleteOnExit();
            runs.add(run);
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run), 1 << 16))) {
                for (int i : order) {
                    // UTF-16 as it is, so that even an id with a lone surrogate comes back exactly.
                    out.writeInt(ids[i].length());
                    out.writeChars(ids[i]);
                    out.writeLong(lines[i]);
                    out.writeLong(infos[i]);
                    out.writeLong(extras[i]);
                }
            }
        } catch (IOException e) {
            throw new RulesException("cannot write the temporary file of entry ids (duplicate detection): " + e.getMessage(), e);
        }
        Arrays.fill(ids, 0, size, null);
        size = 0;
    }

    /**
     * Gives {@code eachId} the lines of every id, in id order, each id's lines in line order; call
     * once, at the end.
     */
    void forEachId(Consumer<List<Entry>> eachId) {
        List<Cursor> cursors = new ArrayList<>();
        try {
            for (Path run : runs) {
                cursors.add(new RunCursor(run));
            }
            Integer[] order = sortedChunk();
            cursors.add(new ChunkCursor(order));
            PriorityQueue<Cursor> heads = new PriorityQueue<>((a, b) -> BY_ID_THEN_LINE.compare(a.head(), b.head()));
            for (Cursor c : cursors) {
                if (c.advance()) {
                    heads.add(c);
                }
            }
            List<Entry> group = new ArrayList<>();
            while (!heads.isEmpty()) {
                Cursor c = heads.poll();
                Entry e = c.head();
                if (!group.isEmpty() && !group.get(0).id().equals(e.id())) {
                    eachId.accept(group);
                    group = new ArrayList<>();
                }
                group.add(e);
                if (c.advance()) {
                    heads.add(c);
                }
            }
            if (!group.isEmpty()) {
                eachId.accept(group);
            }
        } catch (IOException e) {
            throw new RulesException("cannot read the temporary file of entry ids (duplicate detection): " + e.getMessage(), e);
        } finally {
            for (Cursor c : cursors) {
                c.close();
            }
        }
    }

    @Override
    public void close() {
        for (Path run : runs) {
            try {
                Files.deleteIfExists(run);
            } catch (IOException ignored) {
                // deleteOnExit is the fallback
            }
        }
        runs.clear();
    }

    private abstract static class Cursor {
        abstract Entry head();

        abstract boolean advance() throws IOException;

        void close() {
        }
    }

    private final class ChunkCursor extends Cursor {
        private final Integer[] order;
        private int next;
        private Entry head;

        ChunkCursor(Integer[] order) {
            this.order = order;
        }

        @Override
        Entry head() {
            return head;
        }

        @Override
        boolean advance() {
            if (next == order.length) {
                return false;
            }
            int i = order[next++];
            head = new Entry(ids[i], lines[i], infos[i], extras[i]);
            return true;
        }
    }

    private static final class RunCursor extends Cursor {
        private final DataInputStream in;
        private Entry head;

        RunCursor(Path run) throws IOException {
            in = new DataInputStream(new BufferedInputStream(Files.newInputStream(run), 1 << 16));
        }

        @Override
        Entry head() {
            return head;
        }

        @Override
        boolean advance() throws IOException {
            int length;
            try {
                length = in.readInt();
            } catch (EOFException end) {
                return false;
            }
            char[] id = new char[length];
            for (int i = 0; i < length; i++) {
                id[i] = in.readChar();
            }
            head = new Entry(new String(id), in.readLong(), in.readLong(), in.readLong());
            return true;
        }

        @Override
        void close() {
            try {
                in.close();
            } catch (IOException ignored) {
                // a temporary file; nothing to save
            }
        }
    }
}
