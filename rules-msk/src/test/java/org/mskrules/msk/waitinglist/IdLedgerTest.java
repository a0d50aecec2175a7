package org.mskrules.msk.waitinglist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 (failure 3): duplicate detection without an in-memory map of every id stays exact. With
 * chunks of a few records, so that many runs are written to disk and merged, every id comes back
 * once with all its lines in line order, whatever the order they were added in, lone surrogates
 * and all.
 */
class IdLedgerTest {
    @Test
    void everyIdComesBackOnceWithAllItsLinesInLineOrderAcrossManyRuns() {
        SplittableRandom random = new SplittableRandom(15);
        String[] alphabet = {"A", "b", "\u00e9", "\ud800", "\udc00", "\ud83d\ude00", "-", "0", " "};
        Map<String, List<Long>> expected = new TreeMap<>();
        try (IdLedger ledger = new IdLedger(7)) {
            for (long line = 1; line <= 2_000; line++) {
                StringBuilder id = new StringBuilder();
                int length = 1 + random.nextInt(3);
                for (int k = 0; k < length; k++) {
                    id.append(alphabet[random.nextInt(alphabet.length)]);
                }
                ledger.add(id.toString(), line, line * 3, -line);
                expected.computeIfAbsent(id.toString(), x -> new ArrayList<>()).add(line);
            }
            assertThat(ledger.runs()).isGreaterThan(100);
            Map<String, List<Long>> found = new TreeMap<>();
            ledger.forEachId(group -> {
                String id = group.get(0).id();
                assertThat(found).as("id [%s] came back twice", id).doesNotContainKey(id);
                List<Long> lines = new ArrayList<>();
                for (IdLedger.Entry e : group) {
                    assertThat(e.id()).isEqualTo(id);
                    assertThat(e.info()).isEqualTo(e.line() * 3);
                    assertThat(e.extra()).isEqualTo(-e.line());
                    lines.add(e.line());
                }
                found.put(id, lines);
            });
            assertThat(found).isEqualTo(expected);
        }
    }

    @Test
    void aSmallListWritesNoFile() {
        try (IdLedger ledger = new IdLedger()) {
            for (int i = 0; i < 10_000; i++) {
                ledger.add("E" + i, i + 1, 0, 0);
            }
            assertThat(ledger.runs()).isZero();
            long[] groups = new long[1];
            ledger.forEachId(g -> groups[0]++);
            assertThat(groups[0]).isEqualTo(10_000);
        }
    }
}
