package org.mskrules.msk.waitinglist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mskrules.core.InvalidInputException;
import org.mskrules.core.io.LineSource;
import org.mskrules.core.Violation;

/**
 * A waiting list read whole, as of one date, for reporting (indicators and the SitRep extract): every
 * entry that passes the same checks as a review's, with its optional grouping fields, and every
 * entry that does not, with all its problems. Every line of a duplicated entry id is rejected, as in a
 * review. No rule runs here; a reporting band or a wait comes from {@link WaitingListRules}. Unlike a
 * review, the whole list is held in memory. Immutable.
 *
 * @param asOf     the date the entries were checked against
 * @param entries  the entries that pass every check, in line order
 * @param lines    the line of each of {@code entries}, in the same order
 * @param rejected the entries that do not, in line order
 */
public record WaitingListSnapshot(LocalDate asOf, List<WaitingListEntry> entries, List<Long> lines,
        List<RejectedEntry> rejected) {

    public WaitingListSnapshot {
        Objects.requireNonNull(asOf, "asOf");
        entries = List.copyOf(entries);
        lines = List.copyOf(lines);
        rejected = List.copyOf(rejected);
    }

    /**
     * Reads {@code file} (CSV or JSON Lines, by its extension) as of {@code asOf}.
     *
     * @throws InvalidInputException if the file cannot be read or a CSV header is wrong
     */
    public static WaitingListSnapshot read(Path file, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        EntryFormat format = EntryFormat.of(file);
        List<ParsedEntry> parsed = new ArrayList<>();
        Map<String, Integer> idCount = new HashMap<>();
        try (LineSource lines = LineSource.utf8(Files.newInputStream(file));
                EntryReader reader = EntryReader.of(lines, format)) {
            for (ParsedEntry p = reader.next(); p != null; p = reader.next()) {
                parsed.add(p);
                if (p.entry().entryId() != null) {
                    idCount.merge(p.entry().entryId(), 1, Integer::sum);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            throw new InvalidInputException(List.of(new Violation("", "UNREADABLE", "[" + file + "] cannot be read: "
                    + (cause instanceof java.nio.file.NoSuchFileException ? "no such file" : cause.getMessage()))));
        }
        List<WaitingListEntry> entries = new ArrayList<>();
        List<Long> lineNumbers = new ArrayList<>();
        List<RejectedEntry> rejected = new ArrayList<>();
        for (ParsedEntry p : parsed) {
            List<Violation> problems = new ArrayList<>(p.problems());
            problems.addAll(EntryChecks.check(p.entry(), asOf, p.unreadable()));
            String id = p.entry().entryId();
            if (id != null && idCount.getOrDefault(id, 0) > 1) {
                problems.add(new Violation("/entryId", "DUPLICATE_ENTRY_ID", "entry id [" + EntryChecks.printable(id)
                        + "] appears on " + idCount.get(id) + " lines; every one is rejected"));
            }
            if (problems.isEmpty()) {
                entries.add(p.entry());
                lineNumbers.add(p.line());
            } else {
                rejected.add(new RejectedEntry(p.line(), id, problems));
            }
        }
        return new WaitingListSnapshot(asOf, entries, lineNumbers, rejected);
    }
}
