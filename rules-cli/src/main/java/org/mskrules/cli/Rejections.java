package org.mskrules.cli;

import java.io.PrintStream;
import java.util.List;
import org.mskrules.core.Violation;
import org.mskrules.msk.waitinglist.RejectedEntry;

/** Names every rejected waiting-list entry and each of its problems, as {@code validate} does. */
final class Rejections {
    private Rejections() {
    }

    static void print(PrintStream err, String file, List<RejectedEntry> rejected) {
        if (rejected.isEmpty()) {
            return;
        }
        err.println(file + ": " + rejected.size() + (rejected.size() == 1 ? " entry" : " entries")
                + " rejected, not counted:");
        for (RejectedEntry e : rejected) {
            for (Violation v : e.violations()) {
                err.println("  line " + e.line() + (e.entryId() == null ? "" : " [" + e.entryId() + "]") + ": " + v);
            }
        }
    }
}
