package org.mskrules.msk.waitinglist;

import java.util.List;
import java.util.Set;
import org.mskrules.core.Violation;

/**
 * One line of an input file as read: the entry with whatever fields could be read, the problems
 * found reading it, and the paths of the fields that could not be read (so that they are not also
 * reported as missing).
 */
record ParsedEntry(long line, WaitingListEntry entry, List<Violation> problems, Set<String> unreadable) {
    static ParsedEntry of(long line, WaitingListEntry entry) {
        return new ParsedEntry(line, entry, List.of(), Set.of());
    }
}
