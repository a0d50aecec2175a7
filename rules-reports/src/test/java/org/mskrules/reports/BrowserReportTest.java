package org.mskrules.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mskrules.core.io.Json;
import org.mskrules.governance.ImpactAnalysis;
import org.mskrules.governance.ImpactReport;
import org.mskrules.governance.Population;
import org.mskrules.governance.indicators.Disclosure;
import org.mskrules.governance.indicators.IndicatorReport;
import org.mskrules.governance.indicators.Indicators;
import org.mskrules.msk.Assessment;
import org.mskrules.msk.MskRules;
import org.mskrules.msk.ReferralJson;
import org.mskrules.msk.Route;
import org.mskrules.msk.ServiceProfile;
import org.mskrules.msk.waitinglist.BandCount;
import org.mskrules.msk.waitinglist.MilestoneCheck;
import org.mskrules.msk.waitinglist.WaitingListReview;
import org.mskrules.msk.waitinglist.WaitingListRules;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Each HTML report opened in a real browser, Debian's headless Chromium: the counts in the rendered
 * DOM equal the review's, the indicators' (every figure, {@code *} where suppressed) and the impact
 * analysis's (route and escalation matrices, the rules that fire differently); no console error, uncaught
 * error or failed resource (a probe script in a copy of the page records them in the dumped DOM, and
 * Chromium's log is read too; {@link #aConsoleErrorOrAMissingImageIsCaught} shows both can fail); and
 * no page refers to anything outside itself. Chromium must be installed ({@code .ci/run} installs it):
 * without it this test fails, never skips. A screenshot of each page is taken into {@code target/}, and
 * with {@code -Dmskrules.update=true} copied into {@code docs/images/}.
 */
class BrowserReportTest {
    static final Path OUT = Path.of("target/reports");
    static final Path EXAMPLES = Path.of("../examples");
    static final boolean UPDATE = Boolean.getBoolean("mskrules.update");
    static String chromium;

    @BeforeAll
    static void findChromium() throws IOException {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(candidate))) {
                chromium = candidate;
            }
        }
        assertThat(chromium).as("Debian's chromium is needed for the browser test: apt-get install chromium"
                + " (.ci/run installs it when missing)").isNotNull();
        Files.createDirectories(OUT);
    }

    /** The DOM as Chromium renders it, and its log. */
    record Rendered(String dom, String log) {
    }

    static Rendered render(Path page, String screenshot) throws Exception {
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> common = List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--enable-logging=stderr", "--v=0", "--user-data-dir=" + profile.toAbsolutePath());
        // The DOM is dumped from a copy of the page with the probe in its head; the screenshot is of the page itself.
        String name = page.getFileName().toString();
        Path probed = page.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".probed.html");
        String html = Files.readString(page, StandardCharsets.UTF_8);
        int head = html.indexOf("<head>");
        assertThat(head).as("a <head> in " + page).isNotNegative();
        Files.writeString(probed, html.substring(0, head + 6) + PROBE + html.substring(head + 6), StandardCharsets.UTF_8);
        List<String> dump = new ArrayList<>(common);
        dump.add("--dump-dom");
        dump.add(probed.toAbsolutePath().toUri().toString());
        String[] outErr = run(dump);
        List<String> shot = new ArrayList<>(common);
        Path png = OUT.resolve(screenshot);
        shot.add("--screenshot=" + png.toAbsolutePath());
        shot.add("--window-size=1200,1800");
        shot.add("--hide-scrollbars");
        shot.add(page.toAbsolutePath().toUri().toString());
        run(shot);
        assertThat(png).as("screenshot of " + page).exists();
        assertThat(Files.size(png)).isGreaterThan(10_000);
        // Only the reports' screenshots go into the docs, not the pages that show the checks can fail.
        if (UPDATE && screenshot.endsWith("-report.png")) {
            Path docs = Path.of("../docs/images");
            Files.createDirectories(docs);
            Files.copy(png, docs.resolve(screenshot), StandardCopyOption.REPLACE_EXISTING);
        }
        return new Rendered(outErr[0], outErr[1]);
    }

    private static String[] run(List<String> command) throws Exception {
        Path out = Files.createTempFile("chromium", ".out");
        Path err = Files.createTempFile("chromium", ".err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        // A bound on a hung browser, not a speed check.
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish: " + command);
        }
        String dom = Files.readString(out, StandardCharsets.UTF_8);
        String log = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("chromium exit; log: " + log).isZero();
        return new String[] {dom, log};
    }

    /**
     * A script put first in the head of the copy whose DOM is dumped (the reports themselves have no
     * script): it records every console.error, uncaught error and resource that fails to load (error
     * events, captured), and after the load event every image not shown, in attributes of the root
     * element, so that the dumped DOM carries them. Chromium's console log line gives no level, so
     * the log alone cannot tell an error from other console output.
     */
    static final String PROBE = "<script>(function(){var e=[];function put(){document.documentElement.setAttribute("
            + "'data-probe-problems',JSON.stringify(e));}var ce=console.error;console.error=function(){e.push("
            + "'console.error: '+Array.prototype.join.call(arguments,' '));put();return ce.apply(console,arguments);};"
            + "window.addEventListener('error',function(ev){var t=ev.target;e.push(t&&t!==window&&(t.src||t.href)"
            + "?'failed to load '+(t.src||t.href):'uncaught: '+ev.message);put();},true);"
            + "window.addEventListener('load',function(){document.querySelectorAll('img').forEach(function(i){"
            + "if(!i.complete||i.naturalWidth===0)e.push('image not shown: '+i.src);});"
            + "document.documentElement.setAttribute('data-probe-loaded','yes');put();});put();})();</script>";

    /** Chromium's console lines: {@code CONSOLE(12)] "..."} in older builds, {@code INFO:CONSOLE:1] "..."} in newer. */
    static final Pattern CONSOLE_LINE = Pattern.compile("(?m)^.*(CONSOLE\\(\\d+\\)|:CONSOLE:\\d+)\\].*$");

    /**
     * What went wrong in the browser: the probe's findings, any console line in Chromium's log (the reports
     * have no script, so any console output is wrong), and any uncaught error.
     */
    static List<String> problems(Rendered r) {
        List<String> problems = new ArrayList<>();
        Matcher loaded = Pattern.compile("data-probe-loaded=\"yes\"").matcher(r.dom());
        if (!loaded.find()) {
            problems.add("the probe did not see the page load");
        }
        Matcher found = Pattern.compile("data-probe-problems=\"([^\"]*)\"").matcher(r.dom());
        if (!found.find()) {
            problems.add("the probe did not run");
        } else {
            String json = found.group(1).replace("&quot;", "\"").replace("&amp;", "&");
            try {
                for (var n : Json.readTree(json)) {
                    problems.add(n.asText());
                }
            } catch (IOException e) {
                problems.add("unreadable probe result: " + json);
            }
        }
        Matcher console = CONSOLE_LINE.matcher(r.log());
        while (console.find()) {
            problems.add("console: " + console.group());
        }
        if (r.log().contains("Uncaught")) {
            problems.add("uncaught error in the log");
        }
        return problems;
    }

    static void assertClean(Path page, Rendered r) throws IOException {
        assertThat(problems(r)).as("problems in the browser").isEmpty();
        String html = Files.readString(page);
        assertThat(html).as("nothing loaded from outside the page")
                .doesNotContainPattern("(src|href)\\s*=\\s*[\"']?(https?:|//)").doesNotContain("<script").doesNotContain("<link");
        assertThat(r.dom()).contains("<h1>").contains("<caption>").contains("role=\"img\"").contains("<desc");
    }

    /** data-ATTR="KEY" ... data-category="C"...>N< cells as KEY|C -> N. */
    static Map<String, Long> cells(String dom, String first, String second) {
        Map<String, Long> m = new HashMap<>();
        Matcher x = Pattern.compile("data-" + first + "=\"([^\"]+)\" data-" + second + "=\"([^\"]+)\">(\\d+)").matcher(dom);
        while (x.find()) {
            m.put(x.group(1) + "|" + x.group(2), Long.parseLong(x.group(3)));
        }
        return m;
    }

    /** The browser checks can fail: a console error and an image that is not there are both caught. */
    @Test
    void aConsoleErrorOrAMissingImageIsCaught() throws Exception {
        String page = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<title>t</title></head>\n<body><main><h1>t</h1>%s"
                + "</main></body></html>\n";
        Path error = OUT.resolve("console-error.html");
        Files.writeString(error, page.formatted("<script>console.error(\"boom\")</script>"));
        assertThat(problems(render(error, "console-error.png"))).as("console.error caught by the probe and in the log")
                .contains("console.error: boom").anySatisfy(p -> assertThat(p).startsWith("console:").contains("boom"));
        Path image = OUT.resolve("missing-image.html");
        Files.writeString(image, page.formatted("<img src=\"no-such-image.png\" alt=\"a picture\">"));
        assertThat(problems(render(image, "missing-image.png"))).as("missing image caught")
                .anySatisfy(p -> assertThat(p).startsWith("failed to load ").endsWith("no-such-image.png"))
                .anySatisfy(p -> assertThat(p).startsWith("image not shown: ").endsWith("no-such-image.png"));
        Path clean = OUT.resolve("clean.html");
        Files.writeString(clean, page.formatted("<p>nothing wrong</p>"));
        assertThat(problems(render(clean, "clean.png"))).as("a clean page").isEmpty();
    }

    @Test
    void theWaitingListReviewShowsTheReviewsCounts() throws Exception {
        WaitingListReview review = WaitingListRules.builder().ruleSetVersion("1.0.0").build()
                .review(EXAMPLES.resolve("waiting-list.csv"), LocalDate.of(2023, 11, 20));
        Path page = OUT.resolve("waiting-list.html");
        Files.writeString(page, HtmlReports.waitingList(review, "Waiting-list review: examples/waiting-list.csv, 2023-11-20"));
        Rendered r = render(page, "waiting-list-report.png");
        assertClean(page, r);
        Map<String, Long> shown = cells(r.dom(), "band", "category");
        assertThat(shown).hasSize(3 * review.bandCounts().size());
        for (BandCount b : review.bandCounts()) {
            assertThat(shown.get(b.band() + "|PRIORITY")).as(b.band()).isEqualTo(b.priority());
            assertThat(shown.get(b.band() + "|NON_PRIORITY")).as(b.band()).isEqualTo(b.nonPriority());
            assertThat(shown.get(b.band() + "|ALL")).as(b.band()).isEqualTo(b.total());
        }
        assertThat(review.summary().rejected()).isPositive();
        assertThat(r.dom()).contains("data-summary=\"rejected\">" + review.summary().rejected() + "<");
        for (MilestoneCheck c : review.milestones()) {
            assertThat(r.dom()).contains("data-breaching=\"" + c.milestone().ruleId() + "\">" + c.breachingCount() + "<");
            // Status in words and a symbol, not colour alone.
            assertThat(r.dom()).containsPattern("data-milestone=\"" + c.milestone().ruleId() + "\">[\u2713\u2717?] ");
        }
        // The chart draws and labels the table's numbers.
        List<Long> priority = new ArrayList<>();
        List<Long> nonPriority = new ArrayList<>();
        for (BandCount b : review.bandCounts()) {
            priority.add(shown.get(b.band() + "|PRIORITY"));
            nonPriority.add(shown.get(b.band() + "|NON_PRIORITY"));
        }
        assertChartShows(chart(r.dom(), "bands-chart"), List.of(priority, nonPriority), true);
    }

    @Test
    void theIndicatorsShowTheReportsFiguresAndMarkSuppression() throws Exception {
        MskRules rules = MskRules.builder().ruleSetVersion("1.0.0").build();
        LocalDate asOf = LocalDate.of(2026, 11, 23);
        List<String> lines = new ArrayList<>();
        for (String json : Files.readAllLines(EXAMPLES.resolve("indicator-referrals.jsonl"))) {
            Assessment a = rules.assess(ReferralJson.read(json, asOf), asOf, ServiceProfile.NATIONAL);
            lines.add(Json.writeValueAsString(a));
        }
        Path log = OUT.resolve("decisions.jsonl");
        Files.write(log, lines);
        IndicatorReport report = Indicators.builder().disclosure(Disclosure.NHS_DIGITAL).build()
                .compute(log, List.of(EXAMPLES.resolve("sitrep-waiting-list.csv")), LocalDate.of(2023, 12, 4));
        Path page = OUT.resolve("indicators.html");
        Files.writeString(page, HtmlReports.indicators(report, "MSK service indicators (examples)"));
        Rendered r = render(page, "indicators-report.png");
        assertClean(page, r);
        long suppressedInReport = 0;
        for (var i : report.indicators()) {
            for (var x : i.shares()) {
                boolean withheld = x.count() == null || x.denominator() == null;
                suppressedInReport += (x.count() == null ? 1 : 0) + (x.denominator() == null ? 1 : 0) + (withheld ? 1 : 0);
            }
            for (var w : i.waits()) {
                suppressedInReport += w.completed() == null ? 3 : 0;
            }
        }
        assertThat(suppressedInReport).isPositive();
        // Every figure of the report is in its table cell: the number, * for suppressed, - for no per cent.
        Map<String, String> shownCells = new HashMap<>();
        Matcher cell = Pattern.compile("data-cell=\"([^\"]+)\">([^<]*)<").matcher(r.dom());
        while (cell.find()) {
            shownCells.put(cell.group(1).replace("&quot;", "\"").replace("&amp;", "&"), cell.group(2));
        }
        long numbers = 0;
        Map<String, String> expected = new HashMap<>();
        for (var i : report.indicators()) {
            for (var x : i.shares()) {
                String key = i.id() + "|" + x.breakdown() + "|" + x.group() + "|" + x.measure() + "|";
                expected.put(key + "count", published(x.count()));
                expected.put(key + "of", published(x.denominator()));
                expected.put(key + "percent", x.suppressed() ? SUPPRESSED_CELL : x.percent() == null ? "\u2013"
                        : x.percent().toString());
            }
            for (var w : i.waits()) {
                String key = i.id() + "|" + w.breakdown() + "|" + w.group() + "|" + w.category() + "|";
                boolean none = w.completed() != null && w.completed() == 0;
                expected.put(key + "completed", published(w.completed()));
                expected.put(key + "median", none ? "\u2013" : published(w.medianDays()));
                expected.put(key + "p90", none ? "\u2013" : published(w.p90Days()));
            }
        }
        for (String v : expected.values()) {
            numbers += v.matches("[1-9]\\d*") ? 1 : 0;
        }
        assertThat(numbers).as("non-zero numbers to compare").isGreaterThan(20);
        assertThat(expected.values()).as("suppressed figures to compare").contains(SUPPRESSED_CELL);
        assertThat(shownCells).as("every figure of the report, in its cell").containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(count(r.dom(), "data-suppressed=")).as("suppressed cells marked").isEqualTo(suppressedInReport);
        assertThat(r.dom()).contains("I3 Wait to first appointment").contains("I10 Collection of protected")
                .contains("I8 Percentage of patients re-entering");
        assertThat(count(r.dom(), "<svg")).as("one chart per share indicator").isEqualTo(5);
        // Each chart draws the published per cents; a suppressed one has no bar (never a 0) and a * instead,
        // a group with no records no bars and its label says so; the text alternative names both.
        int chartNumber = 0;
        long marked = 0;
        long empty = 0;
        long multiSeries = 0;
        for (var i : report.indicators()) {
            if (i.shares().isEmpty()) {
                continue;
            }
            Element svg = chart(r.dom(), "indicator-chart-" + ++chartNumber);
            List<String> groups = i.shares().stream().filter(x -> !x.breakdown().equals("all"))
                    .map(x -> x.breakdown() + ": " + x.group()).distinct().toList();
            List<List<Long>> series = new ArrayList<>();
            long stars = 0;
            String desc = svg.getElementsByTagName("desc").item(0).getTextContent();
            for (String measure : i.shares().stream().map(x -> x.measure()).distinct().limit(4).toList()) {
                List<Long> values = new ArrayList<>();
                for (String g : groups) {
                    var x = i.shares().stream().filter(y -> (y.breakdown() + ": " + y.group()).equals(g)
                            && y.measure().equals(measure)).findFirst().orElseThrow();
                    values.add(x.suppressed() ? null : x.percent());
                    if (x.suppressed()) {
                        stars++;
                        assertThat(desc).as("text alternative names the suppressed figure").contains(g + " " + measure);
                    }
                }
                series.add(values);
            }
            for (String g : groups) {
                if (i.shares().stream().filter(y -> (y.breakdown() + ": " + y.group()).equals(g))
                        .allMatch(y -> y.denominator() != null && y.denominator() == 0)) {
                    empty++;
                    assertThat(desc).as("text alternative names the group with no records").contains("No records, no bars: ")
                            .containsPattern("No records, no bars: [^.]*" + Pattern.quote(g) + "[;.]");
                }
            }
            assertChartShows(svg, series, false);
            multiSeries += series.size() > 1 ? 1 : 0;
            assertThat(series.size() > 1 ? desc : "Series in legend order, which is the order of each group's bars from"
                    + " left to right: " + i.shares().get(0).measure() + ".").as("the series order, a cue besides colour").contains("Series in legend order, which is the"
                    + " order of each group's bars from left to right: "
                    + String.join(", ", i.shares().stream().map(x -> x.measure()).distinct().limit(4).toList()) + ".");
            assertThat(labels(svg, org.mskrules.governance.indicators.IndicatorText.SUPPRESSED, Charts.MARK_FONT))
                    .as(i.id() + ": a * for each suppressed figure").isEqualTo(stars);
            marked += stars;
        }
        assertThat(marked).as("suppressed figures in the charts").isPositive();
        assertThat(multiSeries).as("charts of several series").isPositive();
    }

    @Test
    void theImpactReportShowsTheTransitionMatrixAsAHeatMap() throws Exception {
        LocalDate asOf = LocalDate.of(2026, 12, 21);
        ImpactReport report = ImpactAnalysis.diff(MskRules.builder().ruleSetVersion("1.0.0").build(),
                MskRules.builder().ruleSetVersion("1.1.0").build(), Population.synthetic(19, 400, asOf));
        Path page = OUT.resolve("impact.html");
        Files.writeString(page, HtmlReports.impact(report, "What the change from 1.0.0 to 1.1.0 does"));
        Rendered r = render(page, "impact-report.png");
        assertClean(page, r);
        Map<String, Long> shown = cells(r.dom(), "route-from", "route-to");
        long total = 0;
        for (Map.Entry<Route, Map<Route, Integer>> row : report.route().entrySet()) {
            for (Map.Entry<Route, Integer> cell : row.getValue().entrySet()) {
                assertThat(shown.get(row.getKey() + "|" + cell.getKey())).as(row.getKey() + " -> " + cell.getKey())
                        .isEqualTo(cell.getValue().longValue());
                total += cell.getValue();
            }
        }
        assertThat(shown.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(total).isEqualTo(report.compared());
        assertThat(r.dom()).contains("data-impact=\"changed\">" + report.changed() + "<");
        Map<String, Long> escalations = cells(r.dom(), "escalation-from", "escalation-to");
        long escalated = 0;
        for (var row : report.escalation().entrySet()) {
            for (var c : row.getValue().entrySet()) {
                assertThat(escalations.get(row.getKey() + "|" + c.getKey())).as(row.getKey() + " -> " + c.getKey())
                        .isEqualTo(c.getValue().longValue());
                escalated += c.getValue();
            }
        }
        assertThat(report.escalation().values().stream().mapToInt(Map::size).sum()).as("escalation changes").isGreaterThan(1);
        assertThat(escalations.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(escalated)
                .isEqualTo(report.compared());
        Map<String, String> ruleCells = new HashMap<>();
        Matcher rule = Pattern.compile("data-rule=\"([^\"]+)\" data-field=\"([^\"]+)\">([^<]*)<").matcher(r.dom());
        while (rule.find()) {
            ruleCells.put(rule.group(1) + "|" + rule.group(2), rule.group(3));
        }
        Map<String, String> ruleExpected = new HashMap<>();
        for (ImpactReport.RuleFiring f : report.rules()) {
            if (f.firesDifferently()) {
                ruleExpected.put(f.ruleId() + "|presence", f.presence().name());
                ruleExpected.put(f.ruleId() + "|firedInA", String.valueOf(f.firedInA()));
                ruleExpected.put(f.ruleId() + "|firedInB", String.valueOf(f.firedInB()));
                ruleExpected.put(f.ruleId() + "|onlyInA", String.valueOf(f.onlyInA()));
                ruleExpected.put(f.ruleId() + "|onlyInB", String.valueOf(f.onlyInB()));
            }
        }
        assertThat(ruleCells).as("the rules that fire differently, and only those").containsExactlyInAnyOrderEntriesOf(ruleExpected);
        List<ImpactReport.RuleFiring> different = report.rules().stream().filter(ImpactReport.RuleFiring::firesDifferently)
                .limit(30).toList();
        assertThat(different).as("rules that fire differently between 1.0.0 and 1.1.0").isNotEmpty();
        assertChartShows(chart(r.dom(), "rules-chart"), List.of(
                different.stream().map(f -> (long) f.onlyInA()).toList(),
                different.stream().map(f -> (long) f.onlyInB()).toList()), false);
    }

    /** A bar as the browser holds it: the colour of its series and its drawn height in pixels. */
    record Bar(String fill, double height) {
    }

    /** The SVG of chart {@code id} in the rendered DOM, parsed. */
    static Element chart(String dom, String id) throws Exception {
        Matcher m = Pattern.compile("<svg[^>]*\\sid=\"" + Pattern.quote(id) + "\"[^>]*>.*?</svg>", Pattern.DOTALL).matcher(dom);
        assertThat(m.find()).as("chart " + id + " in the rendered page").isTrue();
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(m.group())))
                .getDocumentElement();
    }

    static final Pattern RECTANGLE = Pattern.compile(
            "M(-?[\\d.]+) (-?[\\d.]+) L(-?[\\d.]+) \\2 L\\3 (-?[\\d.]+) L\\1 \\4 Z");

    /**
     * The bars of a chart in drawing order (series by series, each category in turn): the untransformed
     * axis-aligned rectangles filled with a series colour. Glyph outlines are transformed; legend keys
     * are {@code <rect>}s.
     */
    static List<Bar> bars(Element svg) {
        List<String> colours = new ArrayList<>();
        for (java.awt.Color c : Charts.SERIES) {
            colours.add("rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")");
        }
        List<Bar> bars = new ArrayList<>();
        NodeList paths = svg.getElementsByTagName("path");
        for (int i = 0; i < paths.getLength(); i++) {
            Element p = (Element) paths.item(i);
            Matcher m = RECTANGLE.matcher(p.getAttribute("d"));
            String fill = inherited(p, "fill");
            if (m.matches() && colours.contains(fill) && inherited(p, "transform").isEmpty()) {
                bars.add(new Bar(fill, Double.parseDouble(m.group(4)) - Double.parseDouble(m.group(2))));
            }
        }
        return bars;
    }

    static String inherited(Element e, String attribute) {
        for (Node n = e; n instanceof Element x; n = n.getParentNode()) {
            if (x.hasAttribute(attribute)) {
                return x.getAttribute(attribute);
            }
            if (x.getTagName().equals("svg")) {
                break;
            }
        }
        return "";
    }

    /**
     * How many glyph outlines in the chart spell {@code label} in the value-label font, level or
     * turned upright: XChart draws text as outlines (antialiased, whole-pixel metrics, turned about
     * their origin), so the label is compared as the outline Batik writes for that text.
     */
    static long labels(Element svg, String label) {
        return labels(svg, label, Charts.LABEL_FONT);
    }

    static long labels(Element svg, String label, java.awt.Font font) {
        SVGGeneratorContext context = SVGGeneratorContext.createDefault(svg.getOwnerDocument());
        context.setPrecision(2);
        TextLayout text = new TextLayout(label, font, new FontRenderContext(null, true, false));
        List<String> outlines = List.of(SVGPath.toSVGPathData(text.getOutline(null), context),
                SVGPath.toSVGPathData(text.getOutline(java.awt.geom.AffineTransform.getRotateInstance(-Math.PI / 2, 0, 0)),
                        context));
        NodeList paths = svg.getElementsByTagName("path");
        long n = 0;
        for (int i = 0; i < paths.getLength(); i++) {
            n += outlines.contains(((Element) paths.item(i)).getAttribute("d")) ? 1 : 0;
        }
        return n;
    }

    /**
     * The chart draws {@code series} (values per category, in order): one bar per value in its series'
     * colour (zero segments of a stacked chart are not drawn), heights in proportion to the values, and
     * each bar labelled with its value.
     */
    static void assertChartShows(Element svg, List<List<Long>> series, boolean stacked) {
        List<Bar> bars = bars(svg);
        List<Long> expected = new ArrayList<>();
        List<String> fills = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            for (Long v : series.get(s)) {
                // null: a figure left out (suppressed or no records), no bar and no label.
                if (v != null && !(stacked && v == 0)) {
                    expected.add(v);
                    java.awt.Color c = Charts.SERIES[s];
                    fills.add("rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")");
                }
            }
        }
        assertThat(bars).as("bars drawn").extracting(Bar::fill).containsExactlyElementsOf(fills);
        long max = expected.stream().mapToLong(Long::longValue).max().orElse(0);
        // All zero (or none): every bar drawn is flat.
        double pixelsPerUnit = max == 0 ? 0 : bars.stream().mapToDouble(Bar::height).max().orElseThrow() / max;
        for (int i = 0; i < bars.size(); i++) {
            assertThat(bars.get(i).height()).as("height of bar %d, value %d", i, expected.get(i))
                    .isCloseTo(expected.get(i) * pixelsPerUnit, org.assertj.core.data.Offset.offset(0.05));
        }
        Map<String, Long> labelled = new HashMap<>();
        expected.forEach(v -> labelled.merge(String.valueOf(v), 1L, Long::sum));
        labelled.forEach((label, times) -> assertThat(labels(svg, label)).as("bars labelled " + label).isEqualTo(times));
    }

    static final String SUPPRESSED_CELL = org.mskrules.governance.indicators.IndicatorText.SUPPRESSED + " suppressed";

    static String published(Long value) {
        return value == null ? SUPPRESSED_CELL : value.toString();
    }

    static long count(String text, String needle) {
        long n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
