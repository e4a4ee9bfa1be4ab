package dev.ferry.converter.report;

import dev.ferry.converter.assess.ConvertedObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportTest {

    @TempDir
    Path dir;

    @Test
    void isSelfContainedEscapedAndComplete() throws Exception {
        AssessmentReport report = ReportFixtures.report(dir);
        Path file = HtmlReportWriter.write(report, dir.resolve("assessment.html"));
        String html = Files.readString(file);

        // self-contained: no remote reference at all (the fixture has no URL in its text), no external resources
        assertThat(html).doesNotContain("http://").doesNotContain("https://");
        assertThat(html).doesNotContainPattern("(?i)<link\\b").doesNotContainPattern("(?i)\\bsrc\\s*=")
                .doesNotContain("@import").doesNotContainPattern("(?i)url\\(");
        // exactly one script element (the filter) and the source's markup escaped
        assertThat(Pattern.compile("(?i)<script").matcher(html).results().count()).isEqualTo(1);
        assertThat(html).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html).contains("&#39;x, &quot;y&quot;&#39;");
        // charts and cards
        assertThat(Pattern.compile("<svg class=\"chart\"").matcher(html).results().count()).isEqualTo(2);
        assertThat(html).contains("<div class=\"label\">Objects</div><div class=\"value\">" + report.summary().objects() + "</div>");
        assertThat(html).contains("id=\"f-status\"").contains("id=\"f-sev\"").contains("id=\"f-text\"");

        // every object has its section, under its schema and type
        for (ConvertedObject o : report.objects()) {
            String id = HtmlReportWriter.anchor(o);
            int at = html.indexOf("id=\"" + id + "\"");
            assertThat(at).as(o.key()).isPositive();
            assertThat(html.substring(at, html.indexOf("</summary>", at))).contains(">" + o.name() + "<")
                    .contains("data-status=\"" + o.status().name() + "\"");
        }
        assertThat(html).contains("<details class=\"schema\" open><summary><span class=\"tname\">geo</span>");

        // the NUMBER-without-precision line (2) is highlighted in the regions table's source
        ConvertedObject regions = report.conversion().object("TABLE:geo.regions").orElseThrow();
        int at = html.indexOf("id=\"" + HtmlReportWriter.anchor(regions) + "\"");
        String section = html.substring(at, html.indexOf("</details>", at));
        Matcher hl = Pattern.compile("<tr class=\"hl\" title=\"([^\"]*)\"><td class=\"ln\">(\\d+)</td>").matcher(section);
        assertThat(hl.find()).isTrue();
        assertThat(hl.group(2)).isEqualTo("2");
        assertThat(hl.group(1)).contains("ORA-PG-0201");
        assertThat(section).contains("<td class=\"ln\">1</td><td class=\"tx\">CREATE TABLE regions (</td>");
        // the syntax error is highlighted at its line
        ConvertedObject broken = report.conversion().object("TABLE:geo.broken").orElseThrow();
        int b = html.indexOf("id=\"" + HtmlReportWriter.anchor(broken) + "\"");
        assertThat(html.substring(b, html.indexOf("</details>", b))).contains("<td class=\"ln\">13</td>")
                .containsPattern("<tr class=\"hl\" title=\"ORA-PG-0901[^\"]*\"><td class=\"ln\">13</td>").contains("not converted");
    }
}
