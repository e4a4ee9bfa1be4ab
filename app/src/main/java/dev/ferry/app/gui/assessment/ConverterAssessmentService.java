package dev.ferry.app.gui.assessment;

import dev.ferry.app.assess.AssessmentFolders;
import dev.ferry.app.assess.EditedObjects;
import dev.ferry.app.assess.ScriptAssessments;
import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.report.AssessmentReport;
import dev.ferry.converter.report.AssessmentWriters;
import dev.ferry.converter.report.CsvReportWriter;
import dev.ferry.converter.report.HtmlReportWriter;
import dev.ferry.converter.report.PageSize;
import dev.ferry.converter.report.PdfReportWriter;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import dev.ferry.model.project.TypeMappingRule;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The real {@link AssessmentService}: {@link ScriptAssessments} to run, {@link AssessmentFolders} to open and store
 * edits, the converter's report writers to export, and a scratch PostgreSQL ({@link ScriptAssessments.ScratchDatabase})
 * for verification. Thread-safe as far as its scratch database is.
 */
public final class ConverterAssessmentService implements AssessmentService {

    private final ScriptAssessments.ScratchDatabase scratch;
    private final PageSize pageSize;

    public ConverterAssessmentService(ScriptAssessments.ScratchDatabase scratch, PageSize pageSize) {
        this.scratch = scratch;
        this.pageSize = pageSize;
    }

    @Override
    public AssessmentReport run(ScriptAssessments.Request request, Consumer<String> progress) throws Exception {
        return ScriptAssessments.run(request, scratch, progress);
    }

    @Override
    public Opened open(Path folder) throws Exception {
        return new Opened(AssessmentFolders.read(folder), AssessmentFolders.readEdits(folder));
    }

    @Override
    public SourceText source(AssessmentReport report, ConvertedObject object) throws Exception {
        if (object.sourceText() != null) {
            return new SourceText(object.sourceText(), Math.max(1, object.sourceLine()));
        }
        if (object.sourceFile() == null) {
            return SourceText.NONE;
        }
        Path source = Path.of(report.sourceDescription());
        Path file = Files.isDirectory(source) ? source.resolve(object.sourceFile()) : source;
        if (!Files.isRegularFile(file)) {
            return new SourceText("-- The source file " + file + " cannot be read any more.", 1);
        }
        return new SourceText(Files.readString(file, StandardCharsets.UTF_8), 1);
    }

    @Override
    public ConvertedObject verify(AssessmentReport report, String key, String sql) throws Exception {
        try (Connection c = scratch.open()) {
            return EditedObjects.verify(report, key, sql, c);
        }
    }

    @Override
    public List<Path> export(AssessmentReport report, Path folder, Format format) throws Exception {
        Files.createDirectories(folder);
        return switch (format) {
            case ALL -> AssessmentWriters.writeAll(report, folder, pageSize);
            case HTML -> List.of(HtmlReportWriter.write(report, folder.resolve(AssessmentWriters.HTML)));
            case PDF -> List.of(PdfReportWriter.write(report, folder.resolve(AssessmentWriters.PDF), pageSize));
            case CSV -> CsvReportWriter.write(report, folder);
        };
    }

    @Override
    public ScriptAssessments.Reconverted reconvert(ScriptAssessments.Request request, AssessmentReport previous,
                                                   List<TypeMappingRule> before, Consumer<String> progress) throws Exception {
        return ScriptAssessments.reconvert(request, previous, before, scratch, progress);
    }

    @Override
    public void saveEdits(Path folder, Map<String, String> edits) throws Exception {
        AssessmentFolders.writeEdits(folder, edits);
    }
}
