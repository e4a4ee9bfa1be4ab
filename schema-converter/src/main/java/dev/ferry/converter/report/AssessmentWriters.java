package dev.ferry.converter.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes every assessment output into one folder: {@code assessment.json}, {@code assessment.html},
 * {@code assessment.pdf}, the three CSV files and {@code converted/}.
 *
 * <p>Threading: stateless.
 */
public final class AssessmentWriters {

    public static final String JSON = "assessment.json";
    public static final String HTML = "assessment.html";
    public static final String PDF = "assessment.pdf";

    private AssessmentWriters() {
    }

    /** Writes all files; returns them in writing order (the converted SQL files last). */
    public static List<Path> writeAll(AssessmentReport report, Path outDir, PageSize pageSize) throws IOException {
        Files.createDirectories(outDir);
        List<Path> written = new ArrayList<>();
        written.add(AssessmentJsonWriter.write(report, outDir.resolve(JSON)));
        written.add(HtmlReportWriter.write(report, outDir.resolve(HTML)));
        written.add(PdfReportWriter.write(report, outDir.resolve(PDF), pageSize));
        written.addAll(CsvReportWriter.write(report, outDir));
        written.addAll(ConvertedFilesWriter.write(report, outDir));
        return written;
    }
}
