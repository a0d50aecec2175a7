package org.mskrules.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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

/**
 * Each HTML report opened in a real browser, Debian's headless Chromium: the counts in the rendered
 * DOM equal the review's, the indicators' and the impact analysis's; Chromium logs no console error; and
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
        List<String> dump = new ArrayList<>(common);
        dump.add("--dump-dom");
        dump.add(page.toAbsolutePath().toUri().toString());
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
        if (UPDATE) {
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

    static void assertClean(Path page, Rendered r) throws IOException {
        assertThat(r.log()).as("console errors").doesNotContain("Uncaught").doesNotContainPattern("CONSOLE\\(\\d+\\)\\]? ?\"?.*[Ee]rror");
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
    }

    @Test
    void theIndicatorsShowTheReportsFiguresAndMarkSuppression() throws Exception {
        MskRules rules = MskRules.builder().ruleSetVersion("1.0.0").build();
        LocalDate asOf = LocalDate.of(2026, 11, 23);
        List<String> lines = new ArrayList<>();
        for (String json : Files.readAllLines(EXAMPLES.resolve("indicator-referrals.jsonl"))) {
            Assessment a = rules.assess(ReferralJson.read(json, asOf), asOf, ServiceProfile.NATIONAL);
            lines.add(Json.writer().writeValueAsString(a));
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
        assertThat(count(r.dom(), "data-suppressed=")).as("suppressed cells marked").isEqualTo(suppressedInReport);
        assertThat(r.dom()).contains("I3 Wait to first appointment").contains("I10 Collection of protected")
                .contains("I8 Percentage of patients re-entering");
        assertThat(count(r.dom(), "<svg")).as("one chart per share indicator").isEqualTo(5);
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
    }

    static long count(String text, String needle) {
        long n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
