package dev.ferry.converter.report;

import dev.ferry.converter.assess.ConvertedObject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PdfReportTest {

    @TempDir
    Path dir;

    @Test
    void coverSummaryAndEveryObjectAreInThePdf() throws Exception {
        AssessmentReport report = ReportFixtures.report(dir);
        Path pdf = PdfReportWriter.write(report, dir.resolve("assessment.pdf"), PageSize.A4);
        assertThat(Files.size(pdf)).isLessThan(2_000_000);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            // cover, contents, summary, action items, appendix
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(5);
            String all = new PDFTextStripper().getText(doc);
            PDFTextStripper first = new PDFTextStripper();
            first.setStartPage(1);
            first.setEndPage(1);
            String cover = first.getText(doc).replaceAll("\\s+", " ");
            assertThat(cover).contains("Oracle to PostgreSQL migration").contains("assessment").contains("2026-01-02 03:04 UTC");
            String flat = all.replaceAll("\\s+", " ");
            AssessmentReport.Summary s = report.summary();
            assertThat(flat).contains("Executive summary").contains("Contents").contains("Appendix: objects")
                    .contains(s.objects() + " objects were read from 1 file")
                    .contains(HtmlReportWriter.fmtPct(s.autoConvertedPercent()))
                    .contains(String.format(java.util.Locale.ROOT, "%.1f h", s.estimatedEffortHours()))
                    .contains("Page 2 of " + doc.getNumberOfPages());
            for (ConvertedObject o : report.objects()) {
                assertThat(flat).as(o.key()).contains(ReportText.qualified(o));
            }
            assertThat(flat).contains("Syntax error at geo_create.sql:13:32");
        }
    }

    @Test
    void pageSizeIsA4OrLetter() throws Exception {
        AssessmentReport report = ReportFixtures.report(dir);
        Path a4 = PdfReportWriter.write(report, dir.resolve("a4.pdf"), PageSize.A4);
        Path letter = PdfReportWriter.write(report, dir.resolve("letter.pdf"), PageSize.LETTER);
        try (PDDocument a = Loader.loadPDF(a4.toFile()); PDDocument l = Loader.loadPDF(letter.toFile())) {
            PDRectangle ma = a.getPage(0).getMediaBox();
            PDRectangle ml = l.getPage(0).getMediaBox();
            assertThat(ma.getWidth()).isCloseTo(595.3f, within(1f));
            assertThat(ma.getHeight()).isCloseTo(841.9f, within(1f));
            assertThat(ml.getWidth()).isCloseTo(612f, within(1f));
            assertThat(ml.getHeight()).isCloseTo(792f, within(1f));
        }
    }
}
