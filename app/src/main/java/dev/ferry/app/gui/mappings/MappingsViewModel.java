package dev.ferry.app.gui.mappings;

import dev.ferry.app.gui.catalog.CatalogLoading;
import dev.ferry.app.gui.dialog.DialogService;
import dev.ferry.app.gui.endpoints.PasswordSource;
import dev.ferry.app.gui.task.BackgroundTask;
import dev.ferry.app.gui.task.TaskCallbacks;
import dev.ferry.app.gui.task.TaskExecutor;
import dev.ferry.app.gui.workbench.ProjectSession;
import dev.ferry.engine.catalog.CatalogListener;
import dev.ferry.engine.mapping.MappingException;
import dev.ferry.engine.mapping.ResolvedTable;
import dev.ferry.engine.mapping.TableMappingResolver;
import dev.ferry.model.project.DmsTableMappings;
import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.project.ObjectLocator;
import dev.ferry.model.project.SelectionRule;
import dev.ferry.model.project.TableMappingRule;
import dev.ferry.model.project.TableMappings;
import dev.ferry.model.project.TableSettingsRule;
import dev.ferry.model.project.TransformationRule;
import dev.ferry.model.schema.DatabaseModel;
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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * State and actions of the Table mappings section: the project's DMS table-mapping rules as an editable list (add,
 * remove, move up/down) with undo and redo, a live preview of the selected source tables after the rules (from a source
 * catalog read in the background), and import/export of DMS table-mapping JSON.
 *
 * <p>Every edit is a command on an undo stack; the stacks hold whole {@link TableMappings} snapshots (immutable), so
 * undo restores exactly the previous document. Edits go to the {@link ProjectSession}; the workbench saves the project
 * atomically (Ctrl+S).
 *
 * <p>Holds no JavaFX nodes; uses JavaFX properties only. Use on the UI thread; catalog reads and file I/O run in
 * {@link BackgroundTask}s.
 */
public final class MappingsViewModel {

    private final ProjectSession session;
    private final TaskExecutor executor;
    private final CatalogLoading loading;
    private final PasswordSource passwords;
    private final DialogService dialogs;

    private final ObservableList<TableMappingRule> rules = FXCollections.observableArrayList();
    private final ObservableList<PreviewRow> preview = FXCollections.observableArrayList();
    private final ObservableList<String> endpointNames = FXCollections.observableArrayList();
    private final StringProperty selectedEndpoint = new SimpleStringProperty();
    private final ObjectProperty<DatabaseModel> sourceCatalog = new SimpleObjectProperty<>();
    private final StringProperty previewMessage = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty reading = new SimpleBooleanProperty();
    private final BooleanProperty canUndo = new SimpleBooleanProperty();
    private final BooleanProperty canRedo = new SimpleBooleanProperty();
    private final Deque<TableMappings> undo = new ArrayDeque<>();
    private final Deque<TableMappings> redo = new ArrayDeque<>();
    private final RuleForm form = new RuleForm();

    public MappingsViewModel(ProjectSession session, TaskExecutor executor, CatalogLoading loading, PasswordSource passwords,
                             DialogService dialogs) {
        this.session = session;
        this.executor = executor;
        this.loading = loading;
        this.passwords = passwords;
        this.dialogs = dialogs;
        session.projectProperty().addListener((obs, o, p) -> refresh());
        sourceCatalog.addListener((obs, o, m) -> recomputePreview());
        refresh();
        if (!endpointNames.isEmpty()) {
            selectedEndpoint.set(endpointNames.get(0));
        }
    }

    private TableMappings current() {
        return session.project().tableMappings() == null ? TableMappings.EMPTY : session.project().tableMappings();
    }

    private void refresh() {
        rules.setAll(current().rules());
        List<String> names = session.project().endpoints().stream().map(EndpointConfig::name).toList();
        if (!endpointNames.equals(names)) {
            endpointNames.setAll(names);
        }
        recomputePreview();
    }

    // ---- editing (commands) ----------------------------------------------------------------------------------------

    private void apply(TableMappings next) {
        TableMappings before = current();
        if (next.equals(before)) {
            return;
        }
        undo.push(before);
        redo.clear();
        set(next);
    }

    private void set(TableMappings next) {
        session.update(p -> p.withTableMappings(next));
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
    }

    /** Appends {@code rule}; its rule-id must be unique in the document. */
    public void add(TableMappingRule rule) {
        if (current().rules().stream().anyMatch(r -> r.ruleId().equals(rule.ruleId()))) {
            dialogs.showError("Cannot add the rule", "rule-id " + rule.ruleId() + " is already used.");
            return;
        }
        List<TableMappingRule> next = new ArrayList<>(current().rules());
        next.add(rule);
        apply(new TableMappings(next));
    }

    /** The next free numeric rule-id (one above the largest numeric id, at least 1). */
    public String nextRuleId() {
        long max = 0;
        for (TableMappingRule r : current().rules()) {
            try {
                max = Math.max(max, Long.parseLong(r.ruleId()));
            } catch (NumberFormatException ignored) {
                // non-numeric ids do not take part in numbering
            }
        }
        return Long.toString(max + 1);
    }

    /** Adds an {@code include} selection rule for {@code schema.table} (DMS wildcards {@code %} and {@code _} allowed). */
    public void addInclude(String schema, String table) {
        String id = nextRuleId();
        add(new SelectionRule(id, id, ObjectLocator.table(schema, table), SelectionRule.Action.INCLUDE, null, null, Set.of()));
    }

    /** Adds a {@code rename} transformation of the tables matching {@code schema.table} to {@code newName}. */
    public void addRenameTable(String schema, String table, String newName) {
        if (newName == null || newName.isBlank()) {
            dialogs.showError("Cannot add the rule", "The new table name is empty.");
            return;
        }
        String id = nextRuleId();
        add(new TransformationRule(id, id, TransformationRule.Target.TABLE, ObjectLocator.table(schema, table),
                TransformationRule.Action.RENAME, newName, null, null, null, null, null, Set.of()));
    }

    /** Adds a {@code rename} transformation of column {@code schema.table.column} to {@code newName}. */
    public void addRenameColumn(String schema, String table, String column, String newName) {
        if (newName == null || newName.isBlank()) {
            dialogs.showError("Cannot add the rule", "The new column name is empty.");
            return;
        }
        String id = nextRuleId();
        add(new TransformationRule(id, id, TransformationRule.Target.COLUMN, ObjectLocator.column(schema, table, column),
                TransformationRule.Action.RENAME, newName, null, null, null, null, null, Set.of()));
    }

    /** The rule form (any rule kind); {@link #addFromForm()} and {@link #updateFromForm(int)} turn it into a rule. */
    public RuleForm form() {
        return form;
    }

    /**
     * Appends the rule the form describes, with the next free rule-id (one command). An invalid form is refused with a
     * message naming the field and changes nothing.
     */
    public void addFromForm() {
        String id = nextRuleId();
        try {
            TableMappingRule rule = form.build(id, id, null);
            int before = current().rules().size();
            add(rule);
            if (current().rules().size() > before) {
                status.set("Added rule " + id + ": " + describe(rule) + ".");
            }
        } catch (RuleForm.InvalidRuleException e) {
            dialogs.showError("Cannot add the rule", e.getMessage());
        }
    }

    /**
     * Replaces the rule at {@code index} by the rule the form describes, keeping its rule-id and rule-name and whatever
     * the form does not show (one undoable command). An invalid form is refused with a message naming the field.
     */
    public void updateFromForm(int index) {
        List<TableMappingRule> next = new ArrayList<>(current().rules());
        if (index < 0 || index >= next.size()) {
            return;
        }
        TableMappingRule original = next.get(index);
        try {
            next.set(index, form.build(original.ruleId(), original.ruleName(), original));
        } catch (RuleForm.InvalidRuleException e) {
            dialogs.showError("Cannot update rule " + original.ruleId(), e.getMessage());
            return;
        }
        apply(new TableMappings(next));
        status.set("Updated rule " + original.ruleId() + ".");
    }

    /** Fills the form from the rule at {@code index}; returns whether the form can edit that rule in place. */
    public boolean loadIntoForm(int index) {
        if (index < 0 || index >= current().rules().size()) {
            return false;
        }
        TableMappingRule rule = current().rules().get(index);
        String why = form.load(rule);
        if (why != null) {
            status.set("Rule " + rule.ruleId() + " is " + why + ": the form cannot edit it; edit it in the exported JSON.");
            return false;
        }
        status.set("");
        return true;
    }

    /** Removes the rule at {@code index} (no-op when out of range). */
    public void remove(int index) {
        List<TableMappingRule> next = new ArrayList<>(current().rules());
        if (index < 0 || index >= next.size()) {
            return;
        }
        next.remove(index);
        apply(new TableMappings(next));
    }

    /** Moves the rule at {@code index} by {@code delta} places (−1 up, +1 down); returns its new index. */
    public int move(int index, int delta) {
        List<TableMappingRule> next = new ArrayList<>(current().rules());
        int to = index + delta;
        if (index < 0 || index >= next.size() || to < 0 || to >= next.size()) {
            return index;
        }
        next.add(to, next.remove(index));
        apply(new TableMappings(next));
        return to;
    }

    public void undo() {
        if (!undo.isEmpty()) {
            redo.push(current());
            set(undo.pop());
        }
    }

    public void redo() {
        if (!redo.isEmpty()) {
            undo.push(current());
            set(redo.pop());
        }
    }

    // ---- preview ---------------------------------------------------------------------------------------------------

    /** Reads the selected endpoint's catalog in the background; the preview follows it. */
    public void readSourceCatalog() {
        String name = selectedEndpoint.get();
        EndpointConfig config = name == null ? null : session.project().endpoint(name).orElse(null);
        if (config == null || reading.get()) {
            return;
        }
        reading.set(true);
        previewMessage.set("Reading the catalog of " + name + "...");
        executor.submit((BackgroundTask<DatabaseModel>) (progress, cancel) -> {
            char[] pw = passwords.resolve(config);
            try {
                return loading.load(config, pw, CatalogListener.NO_OP);
            } finally {
                java.util.Arrays.fill(pw, '\0');
            }
        }, TaskCallbacks.of(m -> {
            reading.set(false);
            sourceCatalog.set(m);
        }, err -> {
            reading.set(false);
            previewMessage.set("Cannot read the catalog of " + name + ": " + Redaction.redact(String.valueOf(err.getMessage())));
        }));
    }

    private void recomputePreview() {
        DatabaseModel model = sourceCatalog.get();
        if (model == null) {
            preview.clear();
            if (!reading.get()) {
                previewMessage.set("Read a source catalog to preview the mapped tables.");
            }
            return;
        }
        try {
            // as the load does (MigrationContext): Ferry's own tables (a SQLite source's ferry_capture) are never selected
            List<ResolvedTable> tables = new TableMappingResolver(current()).resolve(model).stream()
                    .filter(t -> !dev.ferry.app.cli.FerryTables.contains(t.source().name())).toList();
            preview.setAll(tables.stream().map(MappingsViewModel::row).toList());
            previewMessage.set(tables.isEmpty() ? "No table of the catalog is selected by the rules."
                    : tables.size() + " table" + (tables.size() == 1 ? "" : "s") + " selected.");
        } catch (MappingException e) {
            preview.clear();
            previewMessage.set("Rule " + e.ruleId() + ": " + e.getMessage());
        }
    }

    private static PreviewRow row(ResolvedTable t) {
        String source = t.source().schema() + "." + t.source().name();
        String columns = t.loadedColumns().stream().map(c -> c.target()).collect(Collectors.joining(", "));
        return new PreviewRow(source, t.target().toString(), columns, details(t));
    }

    /** Type changes, added column types, row filter, primary key and table settings of {@code t}, or "". */
    static String details(ResolvedTable t) {
        List<String> parts = new ArrayList<>();
        for (var c : t.columns()) {
            if (!c.removed() && c.changedType() != null) {
                parts.add(c.target() + " " + type(c.changedType()));
            }
        }
        for (var a : t.added()) {
            parts.add("added " + a.name() + (a.dataType() == null ? "" : " " + type(a.dataType()))
                    + (a.expression() == null ? "" : " = " + a.expression()));
        }
        if (t.filter() != null) {
            parts.add("rows where " + t.filter().alternatives().stream().map(alt -> alt.stream()
                            .map(cf -> cf.conditions().stream().map(c -> cf.column() + " " + condition(c))
                                    .collect(Collectors.joining(" or ")))
                            .collect(Collectors.joining(" and ")))
                    .collect(Collectors.joining(" or ")));
        }
        if (!t.primaryKey().isEmpty()) {
            parts.add("key (" + String.join(", ", t.primaryKey()) + ")");
        }
        TableSettingsRule ts = t.settings();
        if (ts != null && ts.parallelLoad() != null) {
            var pl = ts.parallelLoad();
            parts.add("parallel-load " + dms(pl.type()) + (pl.columns() == null ? "" : " (" + String.join(", ", pl.columns()) + ")")
                    + (pl.boundaries() == null ? "" : ", " + (pl.boundaries().size() + 1) + " segments"));
        }
        if (ts != null && ts.lobSettings() != null) {
            parts.add("lob " + dms(ts.lobSettings().mode())
                    + (ts.lobSettings().bulkMaxSize() == null ? "" : " " + ts.lobSettings().bulkMaxSize() + " KB"));
        }
        return String.join("; ", parts);
    }

    private static String condition(dev.ferry.engine.load.RowFilter.Condition c) {
        String op = dms(c.op());
        return switch (c.op()) {
            case BETWEEN, NOTBETWEEN -> op + " " + c.value() + " and " + c.end();
            case NULL, NOTNULL -> op;
            default -> op + " " + c.value();
        };
    }

    private static String type(TransformationRule.DataType d) {
        List<String> args = new ArrayList<>();
        if (d.length() != null) {
            args.add(d.length().toString());
        }
        if (d.precision() != null) {
            args.add(d.precision().toString());
        }
        if (d.scale() != null) {
            args.add(d.scale().toString());
        }
        return d.type() + (args.isEmpty() ? "" : "(" + String.join(",", args) + ")");
    }

    private static String dms(Enum<?> e) {
        return e.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    // ---- import / export -------------------------------------------------------------------------------------------

    /** Asks for a DMS table-mapping JSON file and replaces the rules with it (one undoable command). */
    public void importJson() {
        dialogs.chooseFileToOpen("Import DMS table mappings", "json").ifPresent(this::importJson);
    }

    void importJson(Path file) {
        executor.submit((BackgroundTask<TableMappings>) (progress, cancel) ->
                DmsTableMappings.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8)), TaskCallbacks.of(m -> {
                    apply(m);
                    status.set("Imported " + m.rules().size() + " rules from " + file.getFileName() + ".");
                }, err -> dialogs.showError("Cannot import " + file.getFileName(), String.valueOf(err.getMessage()), err)));
    }

    /** Asks for a file and writes the rules to it as DMS table-mapping JSON. */
    public void exportJson() {
        dialogs.chooseFileToSave("Export DMS table mappings", "json", "table-mappings.json").ifPresent(this::exportJson);
    }

    void exportJson(Path file) {
        String json = DmsTableMappings.toJson(current());
        executor.submit((BackgroundTask<Void>) (progress, cancel) -> {
            Files.writeString(file, json, StandardCharsets.UTF_8);
            return null;
        }, TaskCallbacks.of(v -> status.set("Exported " + current().rules().size() + " rules to " + file.getFileName() + "."),
                err -> dialogs.showError("Cannot export to " + file.getFileName(), String.valueOf(err.getMessage()), err)));
    }

    // ---- properties ------------------------------------------------------------------------------------------------

    /** Sets the source catalog directly (a catalog already read elsewhere, or tests). */
    public void setSourceCatalog(DatabaseModel model) {
        sourceCatalog.set(model);
    }

    /** The rules in document order (read-only view; edit through the commands). */
    public ObservableList<TableMappingRule> rules() {
        return FXCollections.unmodifiableObservableList(rules);
    }

    public ObservableList<PreviewRow> preview() {
        return FXCollections.unmodifiableObservableList(preview);
    }

    public ObservableList<String> endpointNames() {
        return endpointNames;
    }

    public StringProperty selectedEndpointProperty() {
        return selectedEndpoint;
    }

    public ReadOnlyObjectProperty<DatabaseModel> sourceCatalogProperty() {
        return sourceCatalog;
    }

    public ReadOnlyStringProperty previewMessageProperty() {
        return previewMessage;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyBooleanProperty readingProperty() {
        return reading;
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo;
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo;
    }

    /** A one-line description of {@code rule} for the rules table. */
    public static String describe(TableMappingRule rule) {
        if (rule instanceof SelectionRule s) {
            StringBuilder b = new StringBuilder(dms(s.ruleAction()) + " " + locator(s.objectLocator()));
            if (s.filters() != null) {
                for (SelectionRule.Filter f : s.filters()) {
                    b.append(" where ").append(f.filterConditions().stream().map(c -> f.columnName() + " "
                            + dms(c.filterOperator()) + switch (c.filterOperator()) {
                                case BETWEEN, NOTBETWEEN -> " " + c.startValue() + " and " + c.endValue();
                                case NULL, NOTNULL -> "";
                                default -> " " + c.value();
                            }).collect(Collectors.joining(" or ")));
                }
            }
            if (s.loadOrder() != null) {
                b.append(" (load-order ").append(s.loadOrder().value()).append(")");
            }
            return b.toString();
        }
        if (rule instanceof TransformationRule t) {
            StringBuilder b = new StringBuilder(dms(t.ruleAction()) + " " + dms(t.ruleTarget()) + " " + locator(t.objectLocator()));
            if (t.oldValue() != null) {
                b.append(" ").append(t.oldValue());
            }
            if (t.value() != null) {
                b.append(" → ").append(t.value());
            }
            if (t.dataType() != null) {
                b.append(" ").append(type(t.dataType()));
            }
            if (t.expression() != null) {
                b.append(" = ").append(t.expression());
            }
            if (t.primaryKeyDef() != null) {
                b.append(" ").append(t.primaryKeyDef().name()).append(" (")
                        .append(String.join(", ", t.primaryKeyDef().columns())).append(")");
            }
            return b.toString();
        }
        TableSettingsRule ts = (TableSettingsRule) rule;
        StringBuilder b = new StringBuilder(locator(ts.objectLocator()));
        if (ts.parallelLoad() != null) {
            var pl = ts.parallelLoad();
            b.append(" parallel-load ").append(dms(pl.type()));
            if (pl.columns() != null) {
                b.append(" (").append(String.join(", ", pl.columns())).append(")");
            }
            if (pl.boundaries() != null) {
                b.append(" boundaries ").append(pl.boundaries().stream().map(x -> String.join(", ", x))
                        .collect(Collectors.joining("; ")));
            }
            if (pl.partitions() != null) {
                b.append(" partitions ").append(String.join(", ", pl.partitions()));
            }
            if (pl.subpartitions() != null) {
                b.append(" subpartitions ").append(String.join(", ", pl.subpartitions()));
            }
        }
        if (ts.lobSettings() != null) {
            b.append(" lob ").append(dms(ts.lobSettings().mode()));
            if (ts.lobSettings().bulkMaxSize() != null) {
                b.append(" ").append(ts.lobSettings().bulkMaxSize()).append(" KB");
            }
        }
        return b.toString();
    }

    private static String locator(ObjectLocator l) {
        if (l == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(String.valueOf(l.schemaName()));
        if (l.tableName() != null) {
            b.append('.').append(l.tableName());
        }
        if (l.columnName() != null) {
            b.append('.').append(l.columnName());
        }
        return b.toString();
    }
}
