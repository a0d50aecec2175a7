package org.mskrules.reports;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.batik.svggen.SVGIDGenerator;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Bar charts drawn by XChart into Apache Batik's SVG graphics, returned as inline SVG with a text
 * alternative ({@code role="img"}, {@code <title>} and {@code <desc>}). Every value is also labelled
 * on its bar, and every chart sits beside a table of the same numbers, so colour is never the only
 * cue. XChart draws all its text (titles, ticks, value labels) as glyph outlines, so the chart's
 * words reach assistive technology through the title, the description and the table, not the
 * drawing. Thread-safe: no state; each chart has its own XChart objects, DOM document and Batik
 * graphics.
 */
final class Charts {
    static final String SVG_NS = "http://www.w3.org/2000/svg";

    /**
     * Series colours from the NHS palette (NHS Bright Blue, Orange, Purple, Green), told apart by people
     * with the common colour-vision deficiencies, each with the label colour readable on it. Blue and
     * purple, the pair most alike in hue, differ in lightness by at least the 3:1 contrast WCAG 2.1
     * (1.4.11) asks of graphics. Colour is not the only cue: the bars of a group are always in legend
     * order, which each chart's text alternative states.
     */
    static final Color[] SERIES = {new Color(0x0072ce), new Color(0xed8b00), new Color(0x330072), new Color(0x009639)};

    /** The font of the marks drawn where a bar is left out (such as {@code *} for suppressed). */
    static final Font MARK_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);

    /** The font of the value labels on the bars. */
    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    /** Above this many categories the category labels are turned upright so that they do not overlap. */
    static final int UPRIGHT_LABELS_ABOVE = 8;

    /** Above this many bars side by side a bar is too narrow for a level label. */
    static final int NARROW_BARS_ABOVE = 32;

    private Charts() {
    }

    /**
     * A bar chart of {@code series} (name to one whole-number value per category, such as a count or a
     * whole per cent), with upright category labels when there are many categories, and wider, with
     * value labels along the bars, when there are many bars (XChart draws no horizontal bars); {@code id}
     * prefixes every id in the SVG so that charts on one page do not clash; {@code description} is
     * its text alternative.
     *
     * @throws IllegalArgumentException if a value is not a whole number (its label would round it)
     *                                  or a series does not have one value per category
     */
    static String bars(String id, String title, String categoryAxis, String valueAxis, List<String> categories,
            Map<String, List<? extends Number>> series, boolean stacked, String description) {
        return bars(id, title, categoryAxis, valueAxis, categories, series, Map.of(), stacked, description);
    }

    /**
     * As {@link #bars(String, String, String, String, List, Map, boolean, String)}, where a value may be
     * {@code null} (no bar and no value label: a figure withheld or absent, never drawn as 0) and
     * {@code marks} (series name to one mark or {@code null} per category) writes a mark, such as
     * {@code *} for a suppressed figure, at the foot of the bar's place in the marks' font.
     */
    static String bars(String id, String title, String categoryAxis, String valueAxis, List<String> categories,
            Map<String, List<? extends Number>> series, Map<String, List<String>> marks, boolean stacked,
            String description) {
        System.setProperty("java.awt.headless", "true");
        series.forEach((name, values) -> {
            if (values.size() != categories.size()) {
                throw new IllegalArgumentException("series " + name + " has " + values.size() + " values for "
                        + categories.size() + " categories");
            }
            for (Number v : values) {
                if (v != null && v.doubleValue() != Math.rint(v.doubleValue())) {
                    throw new IllegalArgumentException("series " + name + ": " + v + " is not a whole number");
                }
            }
        });
        boolean upright = categories.size() > UPRIGHT_LABELS_ABOVE;
        // Many narrow bars: the widest chart the page shows unscaled, and value labels along the bars.
        boolean narrow = categories.size() * (stacked ? 1 : series.size()) > NARROW_BARS_ABOVE;
        int width = narrow ? 1100 : 760;
        // Upright category labels take their length in height, about 7 pixels a character.
        int longest = categories.stream().mapToInt(String::length).max().orElse(0);
        int height = upright ? Math.min(760, 380 + 7 * longest) : 360;
        CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(title)
                .xAxisTitle(categoryAxis).yAxisTitle(valueAxis).build();
        CategoryStyler style = chart.getStyler();
        style.setChartBackgroundColor(Color.WHITE);
        style.setPlotBackgroundColor(Color.WHITE);
        style.setPlotBorderVisible(false);
        style.setPlotGridLinesColor(new Color(0x768692));
        style.setPlotGridVerticalLinesVisible(false);
        style.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        style.setLegendPosition(Styler.LegendPosition.OutsideS);
        style.setLegendLayout(Styler.LegendLayout.Horizontal);
        style.setLegendBorderColor(Color.WHITE);
        style.setSeriesColors(SERIES);
        style.setStacked(stacked);
        style.setOverlapped(false);
        style.setYAxisMin(0.0);
        double max = series.values().stream().flatMap(List::stream).filter(java.util.Objects::nonNull)
                .mapToDouble(Number::doubleValue).max().orElse(0);
        if (max == 0) {
            // All zero: XChart would draw a degenerate axis with the single tick 0.
            style.setYAxisMax(1.0);
        }
        // A whole-number pattern: XChart widens the tick step until no tick label would lose decimals,
        // so the ticks are whole numbers, and the value labels are written as the tables write them.
        style.setYAxisDecimalPattern("0");
        style.setXAxisLabelRotation(upright ? 90 : 0);
        // Value labels on the bars: white on the dark colours, black on orange.
        style.setLabelsVisible(true);
        style.setLabelsPosition(0.5);
        style.setLabelsRotation(narrow ? 90 : 0);
        style.setLabelsFont(LABEL_FONT);
        style.setLabelsFontColorAutomaticEnabled(true);
        style.setLabelsFontColorAutomaticLight(Color.WHITE);
        style.setLabelsFontColorAutomaticDark(Color.BLACK);
        // A zero segment of a stacked bar has no height to label: left out, it draws no stray "0".
        series.forEach((name, values) -> chart.addSeries(name, categories,
                stacked ? values.stream().map(v -> v == null || v.doubleValue() == 0 ? null : v).toList() : values));
        // Marks at the foot of each bar's place: XChart's category axis puts category i between i and i + 1,
        // and n side-by-side bars share 0.9 of it (XChart's default available space fill).
        style.setAnnotationTextFont(MARK_FONT);
        style.setAnnotationTextFontColor(new Color(0x212b32));
        List<String> names = List.copyOf(series.keySet());
        double bar = stacked ? 0.9 : 0.9 / names.size();
        for (int s = 0; s < names.size(); s++) {
            List<String> m = marks.get(names.get(s));
            for (int c = 0; m != null && c < categories.size(); c++) {
                if (m.get(c) != null) {
                    double x = c + 0.5 + (stacked ? 0 : (s - (names.size() - 1) / 2.0) * bar);
                    chart.addAnnotation(new org.knowm.xchart.AnnotationText(m.get(c), x, Math.max(max, 1) * 0.04, false));
                }
            }
        }

        SVGGraphics2D g = new SVGGraphics2D(context(id), false);
        g.setSVGCanvasSize(new Dimension(width, height));
        chart.paint(g, width, height);
        Element svg = g.getRoot();
        // Scales with the page (the style sheet sets max-width) and keeps its proportions.
        svg.setAttribute("viewBox", "0 0 " + width + " " + height);
        svg.setAttribute("id", id);
        svg.setAttribute("role", "img");
        svg.setAttribute("aria-labelledby", id + "-title " + id + "-desc");
        // Batik names its top defs "genericDefs" in every chart: two charts on a page would share the id.
        for (Element e = firstChild(svg); e != null; e = nextSibling(e)) {
            if ("genericDefs".equals(e.getAttribute("id"))) {
                e.setAttribute("id", id + "-generic-defs");
            }
        }
        Document doc = svg.getOwnerDocument();
        Element desc = doc.createElementNS(SVG_NS, "desc");
        desc.setAttribute("id", id + "-desc");
        desc.setTextContent(description + (series.size() < 2 ? "" : " " + order(series.keySet(), stacked)));
        svg.insertBefore(desc, svg.getFirstChild());
        Element titleElement = doc.createElementNS(SVG_NS, "title");
        titleElement.setAttribute("id", id + "-title");
        titleElement.setTextContent(title);
        svg.insertBefore(titleElement, svg.getFirstChild());
        StringWriter out = new StringWriter();
        try {
            g.stream(svg, out, false, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Batik writes an XML declaration and an SVG 1.0 DOCTYPE first, which have no place inside HTML.
        String xml = out.toString();
        int start = xml.indexOf("<svg");
        if (start < 0 || !xml.substring(0, start).strip().matches("(?s)(<\\?xml[^>]*\\?>)?\\s*(<!DOCTYPE svg[^>]*>)?")) {
            throw new IllegalStateException("unexpected SVG prolog from Batik: " + xml.substring(0, Math.max(0, start)));
        }
        return xml.substring(start).strip();
    }

    /** The order of the series, a cue besides colour: in the legend, and in each group's bars. */
    static String order(java.util.Collection<String> series, boolean stacked) {
        return "Series in legend order, which is the order of each group's bars from "
                + (stacked ? "the bottom up" : "left to right") + ": " + String.join(", ", series) + ".";
    }

    private static Element firstChild(Element parent) {
        org.w3c.dom.Node n = parent.getFirstChild();
        while (n != null && !(n instanceof Element)) {
            n = n.getNextSibling();
        }
        return (Element) n;
    }

    private static Element nextSibling(Element e) {
        org.w3c.dom.Node n = e.getNextSibling();
        while (n != null && !(n instanceof Element)) {
            n = n.getNextSibling();
        }
        return (Element) n;
    }

    /** A Batik context whose every generated id (clip paths, patterns) starts with {@code id}. */
    private static SVGGeneratorContext context(String id) {
        Document doc;
        try {
            doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().getDOMImplementation()
                    .createDocument(SVG_NS, "svg", null);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser is not configured", e);
        }
        SVGGeneratorContext context = SVGGeneratorContext.createDefault(doc);
        context.setComment(null);
        context.setPrecision(2);
        context.setIDGenerator(new SVGIDGenerator() {
            @Override
            public String generateID(String prefix) {
                return super.generateID(id + "-" + prefix);
            }
        });
        return context;
    }
}
