package dev.ferry.app.gui.fakes;

import dev.ferry.app.assess.EditedObjects;
import dev.ferry.app.assess.ScriptAssessments;
import dev.ferry.app.gui.assessment.AssessmentService;
import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.report.AssessmentReport;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import dev.ferry.model.project.TypeMappingRule;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A hand-written {@link AssessmentService}: returns a fixed report, records exports and stored edits, and "verifies"
 * an edit by the rule that SQL containing {@code BROKEN} fails to deploy.
 */
public final class FakeAssessmentService implements AssessmentService {

    public AssessmentReport report;
    public Map<String, String> storedEdits = Map.of();
    public final List<ScriptAssessments.Request> runs = new ArrayList<>();
    public final List<String> exports = new ArrayList<>();
    public final Map<Path, Map<String, String>> savedEdits = new LinkedHashMap<>();
    public final List<String> verified = new ArrayList<>();

    public FakeAssessmentService(AssessmentReport report) {
        this.report = report;
    }

    @Override
    public AssessmentReport run(ScriptAssessments.Request request, Consumer<String> progress) throws Exception {
        runs.add(request);
        progress.accept("Parsing…");
        if (request.source().toString().contains("missing")) {
            throw new NoSuchFileException(request.source().toString(), null, "no such file or folder");
        }
        return report;
    }

    @Override
    public Opened open(Path folder) {
        return new Opened(report, storedEdits);
    }

    @Override
    public SourceText source(AssessmentReport r, ConvertedObject object) {
        return new SourceText(object.sourceText() == null ? "" : object.sourceText(), Math.max(1, object.sourceLine()));
    }

    @Override
    public ConvertedObject verify(AssessmentReport r, String key, String sql) {
        verified.add(key);
        ConvertedObject original = r.conversion().object(key).orElseThrow();
        boolean ok = !sql.contains("BROKEN");
        return EditedObjects.withOutcome(original, sql, ok, ok ? null : "relation \"broken\" does not exist");
    }

    @Override
    public List<Path> export(AssessmentReport r, Path folder, Format format) {
        exports.add(format + "|" + folder);
        return List.of(folder.resolve(format == Format.HTML ? "assessment.html" : format.name().toLowerCase()));
    }

    /** What {@link #reconvert} returns next (the test sets it), and the rule lists it was called with. */
    public ScriptAssessments.Reconverted reconverted;
    public final List<List<TypeMappingRule>> reconversions = new ArrayList<>();

    @Override
    public ScriptAssessments.Reconverted reconvert(ScriptAssessments.Request request, AssessmentReport previous,
                                                   List<TypeMappingRule> before, Consumer<String> progress) {
        reconversions.add(before);
        reconversions.add(request.rules());
        progress.accept("Re-converting…");
        return reconverted;
    }

    @Override
    public void saveEdits(Path folder, Map<String, String> edits) {
        savedEdits.put(folder, Map.copyOf(edits));
    }
}
