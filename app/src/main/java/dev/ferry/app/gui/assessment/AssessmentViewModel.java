package dev.ferry.app.gui.assessment;

import dev.ferry.app.assess.EditedObjects;
import dev.ferry.app.assess.ScriptAssessments;
import dev.ferry.app.gui.dialog.DialogService;
import dev.ferry.app.gui.task.BackgroundTask;
import dev.ferry.app.gui.task.TaskCallbacks;
import dev.ferry.app.gui.task.TaskExecutor;
import dev.ferry.converter.assess.ActionItem;
import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.assess.ObjectStatus;
import dev.ferry.converter.assess.Severity;
import dev.ferry.converter.parse.ParsingException;
import dev.ferry.converter.report.AssessmentReport;
import dev.ferry.converter.report.AssessmentWriters;
import dev.ferry.model.project.TypeMappingRule;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.util.Redaction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * State and actions of the Assessment section: run an assessment of scripts (or open an assessment folder) in the
 * background, the dashboard figures, the filtered schema → type → object tree, the selected object's source and
 * converted SQL with their action-item lines, jumping to an item's line, editing the converted SQL (re-parsed on
 * {@link #reparseNow()}, which the view calls debounced while the user types), verifying an edit on demand, and the
 * report exports. Edits are stored in the assessment folder ({@code edits.json}) and every report marks the edited
 * objects (item {@value EditedObjects#EDITED_CODE}). Holds no JavaFX nodes; use on the UI thread.
 */
public final class AssessmentViewModel {

    /** Where both code panes should scroll to; {@code seq} makes a repeated jump to the same lines observable. */
    public record Jump(int sourceParagraph, int convertedParagraph, long seq) {
    }

    private final TaskExecutor executor;
    private final AssessmentService service;
    private final DialogService dialogs;
    private final Consumer<String> browser;
    private final Supplier<List<TypeMappingRule>> typeMappings;
    private final Consumer<List<TypeMappingRule>> saveTypeMappings;
    private final TypeRulesEditor typeRules = new TypeRulesEditor();
    private final SimpleBooleanProperty reconverting = new SimpleBooleanProperty();
    private ScriptAssessments.VerifyMode lastVerify = ScriptAssessments.VerifyMode.REPARSE;

    private final StringProperty sourcePath = new SimpleStringProperty("");
    private final StringProperty outputFolder = new SimpleStringProperty("");
    private final ObjectProperty<Engine> sourceEngine = new SimpleObjectProperty<>(Engine.ORACLE);
    private final ObjectProperty<Engine> targetEngine = new SimpleObjectProperty<>(Engine.POSTGRESQL);
    private final BooleanProperty deployVerify = new SimpleBooleanProperty(false);
    private final SimpleBooleanProperty running = new SimpleBooleanProperty();
    private final SimpleStringProperty progress = new SimpleStringProperty("");

    private final SimpleObjectProperty<AssessmentReport> report = new SimpleObjectProperty<>();
    private AssessmentReport base;
    private Path folder;
    private final Map<String, String> edits = new LinkedHashMap<>();
    private final Map<String, ConvertedObject> editedObjects = new LinkedHashMap<>();

    private final ObjectProperty<ObjectStatus> statusFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<Severity> severityFilter = new SimpleObjectProperty<>();
    private final StringProperty textFilter = new SimpleStringProperty("");
    private final SimpleObjectProperty<AssessmentNode> tree = new SimpleObjectProperty<>();
    private final SimpleStringProperty emptyText = new SimpleStringProperty("Choose Oracle scripts (a file or a folder) and press Assess, or open an assessment folder.");

    private final SimpleStringProperty selectedKey = new SimpleStringProperty();
    private final SimpleStringProperty detailTitle = new SimpleStringProperty("");
    private final SimpleStringProperty detailStatus = new SimpleStringProperty("");
    private final SimpleObjectProperty<AssessmentService.SourceText> sourceText = new SimpleObjectProperty<>(AssessmentService.SourceText.NONE);
    private final SimpleStringProperty convertedText = new SimpleStringProperty("");
    private final ObservableList<ActionItem> actionItems = FXCollections.observableArrayList();
    private final ObservableList<Integer> sourceMarks = FXCollections.observableArrayList();
    private final ObservableList<Integer> convertedMarks = FXCollections.observableArrayList();
    private final ObservableList<Integer> errorMarks = FXCollections.observableArrayList();
    private final SimpleObjectProperty<Jump> jump = new SimpleObjectProperty<>();
    private final SimpleStringProperty parseStatus = new SimpleStringProperty("");
    private final SimpleBooleanProperty parseOk = new SimpleBooleanProperty(true);
    private final SimpleBooleanProperty verifying = new SimpleBooleanProperty();
    private final SimpleBooleanProperty selectedEdited = new SimpleBooleanProperty();
    private String editingText;
    private long editGeneration;
    private long jumps;

    /**
     * @param browser      opens a URI in the system browser (HostServices in the application)
     * @param typeMappings the project's type-mapping rules, read when an assessment starts
     */
    public AssessmentViewModel(TaskExecutor executor, AssessmentService service, DialogService dialogs, Consumer<String> browser,
                               Supplier<List<TypeMappingRule>> typeMappings) {
        this(executor, service, dialogs, browser, typeMappings, rules -> { });
    }

    /**
     * @param typeMappings     the project's type-mapping rules, read when an assessment starts and shown in the rules table
     * @param saveTypeMappings stores edited rules into the project ({@link #applyTypeRules()})
     */
    public AssessmentViewModel(TaskExecutor executor, AssessmentService service, DialogService dialogs, Consumer<String> browser,
                               Supplier<List<TypeMappingRule>> typeMappings, Consumer<List<TypeMappingRule>> saveTypeMappings) {
        this.executor = executor;
        this.service = service;
        this.dialogs = dialogs;
        this.browser = browser;
        this.typeMappings = typeMappings;
        this.saveTypeMappings = saveTypeMappings;
        typeRules.reset(typeMappings.get());
        statusFilter.addListener(o -> rebuildTree());
        severityFilter.addListener(o -> rebuildTree());
        textFilter.addListener(o -> rebuildTree());
    }

    // ---------------------------------------------------------------- run and open

    /** Assesses the scripts at {@link #sourcePathProperty()} in the background and writes the reports to the output folder. */
    public void assess() {
        String src = sourcePath.get() == null ? "" : sourcePath.get().strip();
        if (src.isEmpty()) {
            dialogs.showError("No scripts chosen", "Choose an Oracle script file or a folder of scripts to assess.");
            return;
        }
        if (running.get()) {
            return;
        }
        Path out = outputFolderOrDefault(Path.of(src));
        ScriptAssessments.Request request = new ScriptAssessments.Request(Path.of(src), sourceEngine.get(), targetEngine.get(),
                null, typeMappings.get(), deployVerify.get() ? ScriptAssessments.VerifyMode.SCRATCH : ScriptAssessments.VerifyMode.REPARSE);
        lastVerify = request.verify();
        running.set(true);
        progress.set("Assessing " + src + "…");
        executor.submit((BackgroundTask<AssessmentReport>) (p, cancel) -> {
            AssessmentReport r = service.run(request, m -> p.progress(-1, m));
            p.progress(-1, "Writing the reports to " + out + "…");
            service.export(r, out, AssessmentService.Format.ALL);
            service.saveEdits(out, Map.of());
            return r;
        }, new TaskCallbacks<>(r -> {
            running.set(false);
            outputFolder.set(out.toString());
            show(r, out, Map.of());
            AssessmentReport.Summary s = r.summary();
            progress.set(String.format(Locale.ROOT, "Assessed %d objects: %.1f%% automatic, %.1f h of manual work. Reports in %s.",
                    s.objects(), s.autoConvertedPercent(), s.estimatedEffortHours(), out));
        }, err -> {
            running.set(false);
            progress.set("");
            dialogs.showError("The assessment failed", message(err), err);
        }, (f, m) -> {
            if (m != null) {
                progress.set(m);
            }
        }));
    }

    /** Opens an assessment folder ({@code assessment.json} and {@code converted/}) in the background. */
    public void open(Path dir) {
        if (running.get()) {
            return;
        }
        running.set(true);
        progress.set("Opening " + dir + "…");
        executor.submit((BackgroundTask<AssessmentService.Opened>) (p, cancel) -> service.open(dir), TaskCallbacks.of(o -> {
            running.set(false);
            outputFolder.set(dir.toString());
            show(o.report(), dir, o.edits());
            progress.set("Opened " + dir + ": " + o.report().objects().size() + " objects"
                    + (o.edits().isEmpty() ? "." : ", " + o.edits().size() + " edited by hand."));
        }, err -> {
            running.set(false);
            progress.set("");
            dialogs.showError("Cannot open the assessment", message(err), err);
        }));
    }

    private Path outputFolderOrDefault(Path source) {
        String o = outputFolder.get() == null ? "" : outputFolder.get().strip();
        if (!o.isEmpty()) {
            return Path.of(o);
        }
        Path name = source.getFileName();
        return Path.of(System.getProperty("user.home"), "ferry-assessments", (name == null ? "scripts" : name.toString()) + "-assessment");
    }

    private void show(AssessmentReport r, Path dir, Map<String, String> storedEdits) {
        base = r;
        folder = dir;
        edits.clear();
        editedObjects.clear();
        storedEdits.forEach((key, sql) -> r.conversion().object(key).ifPresent(o -> {
            edits.put(key, sql);
            // an edit exported after it verified comes back verified; otherwise it is verified again on demand
            editedObjects.put(key, EditedObjects.isEdited(o) && sql.equals(o.convertedSql()) ? o : EditedObjects.edited(o, sql));
        }));
        refreshReport();
        selectedKey.set(null);
        select(null);
    }

    private void refreshReport() {
        report.set(base == null ? null : EditedObjects.apply(base, editedObjects));
        rebuildTree();
    }

    // ---------------------------------------------------------------- tree and filters

    private void rebuildTree() {
        AssessmentReport r = report.get();
        if (r == null) {
            tree.set(null);
            return;
        }
        String text = textFilter.get() == null ? "" : textFilter.get().strip().toLowerCase(Locale.ROOT);
        List<AssessmentNode> schemas = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<ConvertedObject>>> s : r.tree().entrySet()) {
            List<AssessmentNode> types = new ArrayList<>();
            for (Map.Entry<String, List<ConvertedObject>> t : s.getValue().entrySet()) {
                List<AssessmentNode> objects = new ArrayList<>();
                for (ConvertedObject o : t.getValue()) {
                    if (matches(o, text)) {
                        objects.add(new AssessmentNode(AssessmentNode.Kind.OBJECT, o.name(), o.key(), o.status(),
                                EditedObjects.isEdited(o), List.of()));
                    }
                }
                if (!objects.isEmpty()) {
                    types.add(group(AssessmentNode.Kind.TYPE, typeLabel(t.getKey()) + " (" + objects.size() + ")", objects));
                }
            }
            if (!types.isEmpty()) {
                schemas.add(group(AssessmentNode.Kind.SCHEMA, s.getKey().isEmpty() ? "(no schema)" : s.getKey(), types));
            }
        }
        AssessmentNode root = group(AssessmentNode.Kind.ROOT, r.conversion().sourceEngine().displayName() + " → "
                + r.conversion().targetEngine().displayName(), schemas);
        tree.set(root);
        emptyText.set(schemas.isEmpty() ? "No object matches the filters." : "");
    }

    private boolean matches(ConvertedObject o, String text) {
        if (statusFilter.get() != null && o.status() != statusFilter.get()) {
            return false;
        }
        Severity min = severityFilter.get();
        if (min != null && o.actionItems().stream().noneMatch(i -> i.severity().compareTo(min) <= 0)) {
            return false;
        }
        if (text.isEmpty()) {
            return true;
        }
        return (o.name() != null && o.name().toLowerCase(Locale.ROOT).contains(text))
                || o.type().toLowerCase(Locale.ROOT).contains(text)
                || o.actionItems().stream().anyMatch(i -> i.code().toLowerCase(Locale.ROOT).contains(text)
                || i.message().toLowerCase(Locale.ROOT).contains(text));
    }

    private static AssessmentNode group(AssessmentNode.Kind kind, String label, List<AssessmentNode> children) {
        ObjectStatus worst = children.stream().map(AssessmentNode::status).filter(Objects::nonNull)
                .max(Enum::compareTo).orElse(null);
        return new AssessmentNode(kind, label, null, worst, false, children);
    }

    static String typeLabel(String type) {
        String t = type.replace('_', ' ').toLowerCase(Locale.ROOT);
        String plural = t.endsWith("x") ? t + "es" : t.endsWith("y") ? t.substring(0, t.length() - 1) + "ies" : t + "s";
        return Character.toUpperCase(plural.charAt(0)) + plural.substring(1);
    }

    static String typeName(String type) {
        String t = type.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(t.charAt(0)) + t.substring(1);
    }

    // ---------------------------------------------------------------- selection

    /** Shows the object {@code key} (or nothing for {@code null}) in the panes; its source is read in the background. */
    public void select(String key) {
        AssessmentReport r = report.get();
        ConvertedObject o = key == null || r == null ? null : r.conversion().object(key).orElse(null);
        selectedKey.set(o == null ? null : key);
        actionItems.clear();
        sourceMarks.clear();
        convertedMarks.clear();
        errorMarks.clear();
        parseStatus.set("");
        parseOk.set(true);
        editingText = null;
        editGeneration++;
        if (o == null) {
            detailTitle.set("");
            detailStatus.set("");
            sourceText.set(AssessmentService.SourceText.NONE);
            convertedText.set("");
            selectedEdited.set(false);
            return;
        }
        detailTitle.set(typeName(o.type()) + " " + (o.schema() == null ? "" : o.schema() + ".") + o.name());
        updateStatusLine(o);
        actionItems.setAll(o.actionItems());
        convertedText.set(o.convertedSql() == null ? "" : o.convertedSql());
        sourceText.set(new AssessmentService.SourceText(o.sourceText() == null ? "" : o.sourceText(), Math.max(1, o.sourceLine())));
        AssessmentReport snapshot = r;
        executor.submit((BackgroundTask<AssessmentService.SourceText>) (p, c) -> service.source(snapshot, o), TaskCallbacks.of(st -> {
            if (key.equals(selectedKey.get())) {
                sourceText.set(st);
                updateMarks();
                jumpToObject(o);
            }
        }, err -> {
            if (key.equals(selectedKey.get())) {
                sourceText.set(new AssessmentService.SourceText("-- cannot read the source: " + message(err), 1));
            }
        }));
    }

    private void updateStatusLine(ConvertedObject o) {
        selectedEdited.set(EditedObjects.isEdited(o));
        detailStatus.set(o.status().name() + (o.verified() ? ", verified" : ", not verified")
                + (EditedObjects.isEdited(o) ? ", EDITED" : "")
                + (o.sourceFile() == null ? "" : " · " + o.sourceFile() + ":" + o.sourceLine())
                + " · " + o.effortMinutes() + " min");
    }

    private ConvertedObject selected() {
        AssessmentReport r = report.get();
        return r == null || selectedKey.get() == null ? null : r.conversion().object(selectedKey.get()).orElse(null);
    }

    private void updateMarks() {
        ConvertedObject o = selected();
        if (o == null) {
            return;
        }
        TreeSet<Integer> src = new TreeSet<>();
        TreeSet<Integer> conv = new TreeSet<>();
        for (ActionItem i : o.actionItems()) {
            int[] lines = lines(o, i);
            if (lines[0] >= 0) {
                src.add(lines[0]);
            }
            if (lines[1] >= 0) {
                conv.add(lines[1]);
            }
        }
        sourceMarks.setAll(src);
        convertedMarks.setAll(conv);
    }

    /** 0-based source and converted paragraphs of an item; -1 when it has no position in that pane. */
    private int[] lines(ConvertedObject o, ActionItem item) {
        AssessmentService.SourceText st = sourceText.get();
        String[] srcLines = st.text().split("\n", -1);
        String converted = currentConverted();
        if (item.line() <= 0) {
            return new int[] {-1, -1};
        }
        int sp = item.line() - st.firstLine();
        if (sp < 0 || sp >= srcLines.length) {
            return new int[] {-1, -1};
        }
        if (converted.isEmpty()) {
            return new int[] {sp, -1};
        }
        int start = Math.max(0, o.sourceLine() - st.firstLine());
        int end = statementEnd(srcLines, start);
        double relative = end <= start ? 0 : (sp - start) / (double) (end - start);
        return new int[] {sp, LineMatcher.bestLine(srcLines[sp], relative, converted)};
    }

    /** The last line of the statement starting at {@code start} (a line ending with ';' or a lone '/'), for positions. */
    private static int statementEnd(String[] lines, int start) {
        for (int i = start; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.endsWith(";") || l.equals("/")) {
                return i;
            }
        }
        return lines.length - 1;
    }

    private String currentConverted() {
        return editingText != null ? editingText : convertedText.get() == null ? "" : convertedText.get();
    }

    private void jumpToObject(ConvertedObject o) {
        int sp = Math.max(0, o.sourceLine() - sourceText.get().firstLine());
        jump.set(new Jump(sp, 0, ++jumps));
    }

    /** Scrolls both panes to the lines of {@code item} of the selected object. */
    public void jumpTo(ActionItem item) {
        ConvertedObject o = selected();
        if (o == null || item == null) {
            return;
        }
        int[] l = lines(o, item);
        if (l[0] < 0 && l[1] < 0) {
            jumpToObject(o);
            return;
        }
        jump.set(new Jump(Math.max(0, l[0]), Math.max(0, l[1]), ++jumps));
    }

    // ---------------------------------------------------------------- editing

    /** The user changed the converted SQL of the selected object; the view calls {@link #reparseNow()} after a pause. */
    public void convertedEdited(String text) {
        ConvertedObject o = selected();
        if (o == null || Objects.equals(text, currentConverted())) {
            return;
        }
        editingText = text;
        editGeneration++;
        parseStatus.set("Edited; checking…");
    }

    /** Re-parses the edit in the background, records it (unverified) and stores the folder's edits. */
    public void reparseNow() {
        ConvertedObject o = selected();
        String text = editingText;
        if (o == null || text == null) {
            return;
        }
        long generation = editGeneration;
        String key = o.key();
        ConvertedObject original = base.conversion().object(key).orElse(o);
        edits.put(key, text);
        editedObjects.put(key, EditedObjects.edited(original, text));
        Map<String, String> toSave = new LinkedHashMap<>(edits);
        Path dir = folder;
        executor.submit((BackgroundTask<List<ParsingException>>) (p, c) -> {
            List<ParsingException> problems = EditedObjects.reparse(text, o.type().toLowerCase(Locale.ROOT) + " " + o.name());
            if (dir != null) {
                service.saveEdits(dir, toSave);
            }
            return problems;
        }, TaskCallbacks.of(problems -> {
            if (generation != editGeneration || !key.equals(selectedKey.get())) {
                return; // the user typed on, or chose another object
            }
            refreshReportKeepingSelection();
            errorMarks.setAll(problems.stream().map(pe -> Math.max(0, pe.getLine() - 1)).distinct().toList());
            parseOk.set(problems.isEmpty());
            parseStatus.set(problems.isEmpty() ? "Parses with Ferry's PostgreSQL grammar. Not verified: press Verify to deploy it into a scratch database."
                    : "Line " + problems.get(0).getLine() + ":" + problems.get(0).getColumn() + ": " + problems.get(0).getErrorMessage()
                    + (problems.size() > 1 ? " (+" + (problems.size() - 1) + " more)" : ""));
        }, err -> parseStatus.set("Could not check the edit: " + message(err))));
    }

    // ---------------------------------------------------------------- type-mapping rules

    /** The rules table and its form. */
    public TypeRulesEditor typeRules() {
        return typeRules;
    }

    /** Whether an Apply is re-converting in the background. */
    public ReadOnlyBooleanProperty reconvertingProperty() {
        return reconverting;
    }

    /**
     * Stores the edited rules in the project (Ctrl+S saves the file, atomically) and, when an assessment is shown,
     * re-converts the objects the change touches in the background ({@code Reconversion}: the tables whose columns now
     * map differently and everything depending on them; every other object, and every hand edit, is kept); then the
     * tree, the dashboard and the selected object's panes show the new conversion.
     */
    public void applyTypeRules() {
        if (reconverting.get() || running.get()) {
            return;
        }
        List<TypeMappingRule> before = typeRules.applied();
        List<TypeMappingRule> after = typeRules.current();
        saveTypeMappings.accept(after);
        typeRules.markApplied(after);
        AssessmentReport previous = base;
        if (previous == null) {
            progress.set("Type mappings stored in the project (" + after.size() + " rules); they apply to the next assessment.");
            return;
        }
        ScriptAssessments.Request request = new ScriptAssessments.Request(Path.of(previous.sourceDescription()),
                previous.conversion().sourceEngine(), previous.conversion().targetEngine(), previous.targetSchema(), after, lastVerify);
        reconverting.set(true);
        progress.set("Re-converting with the new type mappings…");
        executor.submit((BackgroundTask<ScriptAssessments.Reconverted>) (p, cancel) ->
                service.reconvert(request, previous, before, m -> p.progress(-1, m)), new TaskCallbacks<>(r -> {
            reconverting.set(false);
            if (base != previous) {
                return; // another assessment was opened meanwhile
            }
            base = r.report();
            String key = selectedKey.get();
            refreshReport();
            if (key != null && r.reconverted().contains(key)) {
                select(key); // new converted text and items
            } else if (key != null) {
                refreshReportKeepingSelection();
            }
            progress.set(r.tables().isEmpty() ? "No table's type mapping changed: nothing to re-convert."
                    : "Re-converted " + r.reconverted().size() + " object(s) of " + r.tables().size() + " table(s) ("
                    + String.join(", ", r.tables()) + "). Save reports rewrites the folder.");
        }, err -> {
            reconverting.set(false);
            progress.set("");
            dialogs.showError("The re-conversion failed", message(err), err);
        }, (f, m) -> {
            if (m != null) {
                progress.set(m);
            }
        }));
    }

    private void refreshReportKeepingSelection() {
        report.set(EditedObjects.apply(base, editedObjects));
        rebuildTree();
        ConvertedObject o = selected();
        if (o != null) {
            updateStatusLine(o);
            actionItems.setAll(o.actionItems());
            updateMarks();
        }
    }

    /** Verifies the selected object's current SQL (re-parse and scratch deploy, rolled back) in the background. */
    public void verifySelected() {
        ConvertedObject o = selected();
        if (o == null || verifying.get()) {
            return;
        }
        String sql = currentConverted();
        String key = o.key();
        AssessmentReport snapshot = report.get();
        edits.put(key, sql);
        Map<String, String> toSave = new LinkedHashMap<>(edits);
        Path dir = folder;
        verifying.set(true);
        parseStatus.set("Verifying in a scratch database…");
        ConvertedObject original = base.conversion().object(key).orElse(o);
        executor.submit((BackgroundTask<ConvertedObject>) (p, c) -> {
            AssessmentReport withOriginal = EditedObjects.apply(snapshot, Map.of(key, original));
            ConvertedObject verified = service.verify(withOriginal, key, sql);
            if (dir != null) {
                service.saveEdits(dir, toSave);
            }
            return verified;
        }, TaskCallbacks.of(v -> {
            verifying.set(false);
            editedObjects.put(key, v);
            if (key.equals(selectedKey.get())) {
                editingText = sql;
                refreshReportKeepingSelection();
                parseOk.set(v.verified());
                parseStatus.set(v.verified() ? "Verified: it re-parses and deploys (rolled back). Status " + v.status() + "."
                        : "Not verified: " + v.actionItems().stream().filter(i -> !i.code().equals(EditedObjects.EDITED_CODE))
                        .reduce((a, b) -> b).map(ActionItem::message).orElse("see the action items"));
            } else {
                refreshReport();
            }
        }, err -> {
            verifying.set(false);
            parseStatus.set("");
            dialogs.showError("Cannot verify", message(err), err);
        }));
    }

    /** Drops the hand edit of the selected object: back to the converter's SQL and status. */
    public void revertSelected() {
        ConvertedObject o = selected();
        if (o == null || (!edits.containsKey(o.key()) && editingText == null)) {
            return;
        }
        String key = o.key();
        edits.remove(key);
        editedObjects.remove(key);
        Map<String, String> toSave = new LinkedHashMap<>(edits);
        Path dir = folder;
        if (dir != null) {
            executor.submit((BackgroundTask<Void>) (p, c) -> {
                service.saveEdits(dir, toSave);
                return null;
            }, TaskCallbacks.of(v -> { }, err -> progress.set("Could not store the edits: " + message(err))));
        }
        refreshReport();
        select(key);
    }

    // ---------------------------------------------------------------- reports

    /** Writes every report (with the edits) into the assessment folder. */
    public void saveReports() {
        export(AssessmentService.Format.ALL, null);
    }

    /** Writes the HTML report (with the edits) and opens it in the system browser. */
    public void openHtmlReport() {
        export(AssessmentService.Format.HTML, files -> browser.accept(files.get(0).toUri().toString()));
    }

    public void exportPdf() {
        export(AssessmentService.Format.PDF, null);
    }

    public void exportCsv() {
        export(AssessmentService.Format.CSV, null);
    }

    private ReportPrinter printer = new AwtReportPrinter();

    /** Replaces the printer (tests use a fake). */
    public void setPrinter(ReportPrinter printer) {
        this.printer = java.util.Objects.requireNonNull(printer, "printer");
    }

    /**
     * Writes the PDF report (with the edits) and prints it through the system print dialog, both in the background (the
     * dialog is modal and must not block the UI thread). A cancelled dialog prints nothing and says so.
     */
    public void printReport() {
        AssessmentReport r = report.get();
        Path dir = folder;
        if (r == null || dir == null) {
            return;
        }
        ReportPrinter p = printer;
        progress.set("Preparing the report for printing…");
        executor.submit((BackgroundTask<Boolean>) (pr, c) -> {
            List<Path> files = service.export(r, dir, AssessmentService.Format.PDF);
            return p.print(files.get(0));
        }, TaskCallbacks.of(printed -> progress.set(printed ? "Sent the report to the printer." : "Printing cancelled."),
                err -> {
                    progress.set("");
                    dialogs.showError("Cannot print the report", message(err), err);
                }));
    }

    private void export(AssessmentService.Format format, Consumer<List<Path>> then) {
        AssessmentReport r = report.get();
        Path dir = folder;
        if (r == null || dir == null) {
            return;
        }
        progress.set("Writing " + format.name().toLowerCase(Locale.ROOT) + " to " + dir + "…");
        executor.submit((BackgroundTask<List<Path>>) (p, c) -> service.export(r, dir, format), TaskCallbacks.of(files -> {
            progress.set("Wrote " + (files.size() == 1 ? files.get(0) : files.size() + " files to " + dir) + ".");
            if (then != null) {
                then.accept(files);
            }
        }, err -> {
            progress.set("");
            dialogs.showError("Cannot write the report", message(err), err);
        }));
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.NoSuchFileException) {
            m = e.getMessage() + ": no such file or folder";
            String reason = ((java.nio.file.NoSuchFileException) e).getReason();
            if (reason != null) {
                m = ((java.nio.file.NoSuchFileException) e).getFile() + ": " + reason;
            }
        }
        return Redaction.redact(m == null ? e.getClass().getSimpleName() : m);
    }

    // ---------------------------------------------------------------- properties

    public StringProperty sourcePathProperty() {
        return sourcePath;
    }

    public StringProperty outputFolderProperty() {
        return outputFolder;
    }

    public ObjectProperty<Engine> sourceEngineProperty() {
        return sourceEngine;
    }

    public ObjectProperty<Engine> targetEngineProperty() {
        return targetEngine;
    }

    public List<Engine> sourceEngines() {
        return ScriptAssessments.sourceEngines();
    }

    public List<Engine> targetEngines() {
        return ScriptAssessments.targetEngines();
    }

    public BooleanProperty deployVerifyProperty() {
        return deployVerify;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyStringProperty progressProperty() {
        return progress;
    }

    public ReadOnlyObjectProperty<AssessmentReport> reportProperty() {
        return report;
    }

    public ObjectProperty<ObjectStatus> statusFilterProperty() {
        return statusFilter;
    }

    public ObjectProperty<Severity> severityFilterProperty() {
        return severityFilter;
    }

    public StringProperty textFilterProperty() {
        return textFilter;
    }

    public ReadOnlyObjectProperty<AssessmentNode> treeProperty() {
        return tree;
    }

    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText;
    }

    public ReadOnlyStringProperty selectedKeyProperty() {
        return selectedKey;
    }

    public ReadOnlyStringProperty detailTitleProperty() {
        return detailTitle;
    }

    public ReadOnlyStringProperty detailStatusProperty() {
        return detailStatus;
    }

    public ReadOnlyObjectProperty<AssessmentService.SourceText> sourceTextProperty() {
        return sourceText;
    }

    public ReadOnlyStringProperty convertedTextProperty() {
        return convertedText;
    }

    public ObservableList<ActionItem> actionItems() {
        return actionItems;
    }

    /** 0-based source paragraphs with an action item. */
    public ObservableList<Integer> sourceMarks() {
        return sourceMarks;
    }

    /** 0-based converted paragraphs matched to an action item. */
    public ObservableList<Integer> convertedMarks() {
        return convertedMarks;
    }

    /** 0-based converted paragraphs where the edit does not parse. */
    public ObservableList<Integer> errorMarks() {
        return errorMarks;
    }

    public ReadOnlyObjectProperty<Jump> jumpProperty() {
        return jump;
    }

    public ReadOnlyStringProperty parseStatusProperty() {
        return parseStatus;
    }

    public ReadOnlyBooleanProperty parseOkProperty() {
        return parseOk;
    }

    public ReadOnlyBooleanProperty verifyingProperty() {
        return verifying;
    }

    public ReadOnlyBooleanProperty selectedEditedProperty() {
        return selectedEdited;
    }

    /** The assessment folder (reports and edits), or {@code null} before the first run. */
    public Path folder() {
        return folder;
    }

    /** The hand edits by object key. */
    public Map<String, String> edits() {
        return Map.copyOf(edits);
    }
}
