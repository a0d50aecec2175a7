package org.mskrules.msk.waitinglist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The reading of {@code YYYY-MM-DD} dates accepts exactly the dates {@link LocalDate#parse} accepts
 * in that form, with the same value, and nothing in any other form.
 */
class PlainDateTest {
    @Test
    void readsEveryPlainDateAsLocalDateParseDoes() {
        List<String> texts = new ArrayList<>();
        for (int year : new int[] {0, 1, 1900, 1999, 2000, 2023, 2024, 2100, 9999}) {
            for (int month = 0; month <= 13; month++) {
                for (int day = 0; day <= 32; day++) {
                    texts.add(String.format("%04d-%02d-%02d", year, month, day));
                }
            }
        }
        SplittableRandom random = new SplittableRandom(1);
        String alphabet = "0123456789-+ /a\u0663";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder("2023-11-20");
            for (int k = 0; k < 2; k++) {
                b.setCharAt(random.nextInt(b.length()), alphabet.charAt(random.nextInt(alphabet.length())));
            }
            texts.add(b.toString());
        }
        texts.addAll(List.of("", "2023-1-20", "2023-011-2", "+2023-11-20", "20231120", "2023-11-20 ", " 2023-11-20"));
        int accepted = 0;
        for (String text : texts) {
            LocalDate expected;
            try {
                expected = LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                expected = null;
            }
            LocalDate plain = EntryReader.Fields.plainDate(text);
            if (plain != null) {
                accepted++;
                assertThat(plain).as(text).isEqualTo(expected);
            } else if (text.length() == 10 && text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
                // A plain form it refuses must be one that LocalDate.parse refuses too.
                assertThat(expected).as(text).isNull();
            }
        }
        assertThat(accepted).isGreaterThan(3_000);
    }
}
