package org.mskrules.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The charts' cues besides colour, and the contrast between their series colours. */
class ChartsTest {

    /** WCAG 2.1 relative luminance. */
    static double luminance(Color c) {
        double[] rgb = {c.getRed() / 255.0, c.getGreen() / 255.0, c.getBlue() / 255.0};
        for (int i = 0; i < 3; i++) {
            rgb[i] = rgb[i] <= 0.03928 ? rgb[i] / 12.92 : Math.pow((rgb[i] + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    }

    static double contrast(Color a, Color b) {
        double x = luminance(a);
        double y = luminance(b);
        return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
    }

    @Test
    void blueAndPurpleDifferInLightnessByTheContrastWcagAsksOfGraphics() {
        // Series 1 (blue) and 3 (purple) are closest in hue; the reviewed palette's NHS Blue gave 2.4:1.
        assertThat(contrast(Charts.SERIES[0], Charts.SERIES[2])).isGreaterThanOrEqualTo(3.0);
        assertThat(contrast(new Color(0x005eb8), new Color(0x330072))).as("the palette before").isLessThan(3.0);
        assertThat(Arrays.stream(Charts.SERIES).distinct().count()).isEqualTo(Charts.SERIES.length);
    }

    @Test
    void theTextAlternativeStatesTheSeriesOrder() {
        Map<String, List<? extends Number>> series = new LinkedHashMap<>();
        series.put("emergency", List.of(1, 2));
        series.put("urgent", List.of(3, 4));
        series.put("routine", List.of(5, 6));
        String svg = Charts.bars("c", "t", "Group", "Per cent", List.of("a", "b"), series, false, "A chart.");
        assertThat(svg).contains("A chart. Series in legend order, which is the order of each group's bars from left to"
                + " right: emergency, urgent, routine.</desc");
        String stacked = Charts.bars("s", "t", "Band", "Patients", List.of("a", "b"), series, true, "Stacked.");
        assertThat(stacked).contains("from the bottom up: emergency, urgent, routine.</desc");
        Map<String, List<? extends Number>> one = Map.of("only", List.of(1, 2));
        assertThat(Charts.bars("o", "t", "x", "y", List.of("a", "b"), one, false, "One.")).contains("One.</desc");
    }
}
