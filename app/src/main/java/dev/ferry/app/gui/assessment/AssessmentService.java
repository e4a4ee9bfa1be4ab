package dev.ferry.app.gui.assessment;

import dev.ferry.app.assess.ScriptAssessments;
import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.report.AssessmentReport;

import java.nio.file.Path;
import dev.ferry.model.project.TypeMappingRule;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the Assessment view needs from the converter and the file system. Every method blocks: the view model calls
 * them from background tasks only. The application uses {@link ConverterAssessmentService}; view-model tests use a fake.
 */
public interface AssessmentService {

    /** An assessment read from a folder, with the hand edits stored there. */
    record Opened(AssessmentReport report, Map<String, String> edits) {
    }

    /** The source text to show for an object and the file line of its first line. */
    record SourceText(String text, int firstLine) {
        public static final SourceText NONE = new SourceText("", 1);
    }

    /** Report formats the view exports. */
    enum Format { ALL, HTML, PDF, CSV }

    AssessmentReport run(ScriptAssessments.Request request, Consumer<String> progress) throws Exception;

    Opened open(Path folder) throws Exception;

    /** The source of {@code object}: its statement when the report has it, else its whole source file, else none. */
    SourceText source(AssessmentReport report, ConvertedObject object) throws Exception;

    /** Verifies an edit (re-parse and scratch deploy); returns the object with its new status. */
    ConvertedObject verify(AssessmentReport report, String key, String sql) throws Exception;

    /** Writes {@code format} of {@code report} into {@code folder}; returns the files written. */
    List<Path> export(AssessmentReport report, Path folder, Format format) throws Exception;

    /**
     * Re-converts what changing the type-mapping rules from {@code before} to {@code request.rules()} touches in
     * {@code previous} ({@code Reconversion}); the other objects are kept as they were.
     */
    ScriptAssessments.Reconverted reconvert(ScriptAssessments.Request request, AssessmentReport previous,
                                            List<TypeMappingRule> before, Consumer<String> progress) throws Exception;

    /** Stores the hand edits of the assessment in {@code folder}. */
    void saveEdits(Path folder, Map<String, String> edits) throws Exception;
}
