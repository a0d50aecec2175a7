package org.mskrules.reports;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

/**
 * Bar charts drawn by JFreeChart into JFreeSVG's SVG graphics, returned as inline SVG with a text
 * alternative ({@code role="img"}, {@code <title>} and {@code <desc>}). Every value is also labelled
 * on its bar, and every chart sits beside a table of the same numbers, so colour is never the only
 * cue. Thread-safe (no state; JFreeChart objects are made per chart).
 */
final class Charts {
    /** Two colours told apart by people with the common colour-vision deficiencies (blue and orange). */
    private static final Color[] SERIES = {new Color(0x005eb8), new Color(0xed8b00), new Color(0x330072), new Color(0x009639)};

    private Charts() {
    }

    /**
     * A bar chart of {@code series} (name to one value per category), horizontal when there are many
     * categories; {@code description} is its text alternative.
     */
    static String bars(String id, String title, String categoryAxis, String valueAxis, List<String> categories,
            Map<String, List<? extends Number>> series, boolean stacked, String description) {
        System.setProperty("java.awt.headless", "true");
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        series.forEach((name, values) -> {
            for (int i = 0; i < categories.size(); i++) {
                data.addValue(values.get(i), name, categories.get(i));
            }
        });
        boolean horizontal = categories.size() > 8;
        PlotOrientation orientation = horizontal ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL;
        JFreeChart chart = stacked
                ? ChartFactory.createStackedBarChart(title, categoryAxis, valueAxis, data, orientation, true, false, false)
                : ChartFactory.createBarChart(title, categoryAxis, valueAxis, data, orientation, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0x768692));
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesPaint(i, SERIES[i % SERIES.length]);
        }
        ((org.jfree.chart.axis.NumberAxis) plot.getRangeAxis())
                .setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
        // Labels readable on their bars: white on the dark colours, black on orange.
        renderer.setDefaultItemLabelPaint(Color.WHITE);
        renderer.setSeriesItemLabelPaint(1, Color.BLACK);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator());
        renderer.setDefaultItemLabelsVisible(true);
        int width = 760;
        int height = horizontal ? Math.max(320, 60 + categories.size() * 22 * Math.max(1, stacked ? 1 : series.size())) : 360;
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setDefsKeyPrefix(id);
        chart.draw(g, new Rectangle(0, 0, width, height));
        String svg = g.getSVGElement(id);
        int close = svg.indexOf('>');
        return svg.substring(0, close) + " role=\"img\" aria-labelledby=\"" + id + "-title " + id + "-desc\">"
                + "<title id=\"" + id + "-title\">" + Html.esc(title) + "</title><desc id=\"" + id + "-desc\">"
                + Html.esc(description) + "</desc>" + svg.substring(close + 1);
    }
}
