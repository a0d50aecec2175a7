package org.mskrules.msk.waitinglist;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.mskrules.core.InvalidInputException;
import org.mskrules.core.Violation;

/**
 * The file formats a waiting list can be reviewed from, one entry per line, UTF-8. See
 * {@code docs/waiting-list.md} for the columns and fields.
 */
public enum EntryFormat {
    /**
     * Comma-separated values with a header line naming the columns: {@code entryId}, {@code category}
     * and {@code received} are required; {@code firstContact}, {@code validatedOn},
     * {@code wishesToBeSeen}, {@code hasCapacity}, {@code understandsDecision} and
     * {@code communicationNeedsMet} are optional. Fields may be quoted as in RFC 4180.
     */
    CSV,
    /** JSON Lines: one JSON object per line, with the fields of {@link WaitingListEntry}. */
    JSON_LINES;

    /**
     * The format of {@code file} from its extension: {@code .csv}, or {@code .jsonl} / {@code .ndjson}.
     *
     * @throws InvalidInputException if the extension is none of these
     */
    public static EntryFormat of(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return JSON_LINES;
        }
        throw new InvalidInputException(List.of(new Violation("", "UNKNOWN_FORMAT",
                "cannot tell the format of [" + file + "]: name it .csv, .jsonl or .ndjson")));
    }
}
