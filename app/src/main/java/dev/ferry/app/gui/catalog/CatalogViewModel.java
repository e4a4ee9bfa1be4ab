package dev.ferry.app.gui.catalog;

import dev.ferry.app.gui.endpoints.PasswordSource;
import dev.ferry.app.gui.task.BackgroundTask;
import dev.ferry.app.gui.task.TaskCallbacks;
import dev.ferry.app.gui.task.TaskExecutor;
import dev.ferry.app.gui.task.TaskHandle;
import dev.ferry.app.gui.workbench.ProjectSession;
import dev.ferry.engine.catalog.CatalogListener;
import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.schema.Column;
import dev.ferry.model.schema.DatabaseModel;
import dev.ferry.model.schema.ForeignKey;
import dev.ferry.model.schema.Index;
import dev.ferry.model.schema.KeyConstraint;
import dev.ferry.model.schema.Routine;
import dev.ferry.model.schema.Sequence;
import dev.ferry.model.schema.Table;
import dev.ferry.model.schema.Trigger;
import dev.ferry.model.schema.UserType;
import dev.ferry.model.schema.View;
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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * State and actions of the Catalog section: choose an endpoint, read its catalog in the background (progress from the
 * {@link CatalogListener}, throttled to one update per {@value #PROGRESS_INTERVAL_MS} ms), browse it as a filtered tree
 * and show the selected object's details.
 *
 * <p>Holds no JavaFX nodes; uses JavaFX properties only. Use on the UI thread; the read runs in a {@link BackgroundTask}.
 */
public final class CatalogViewModel {

    static final long PROGRESS_INTERVAL_MS = 150;

    /** What the detail pane shows. */
    public enum DetailKind { NONE, TABLE, SOURCE }

    private final ProjectSession session;
    private final TaskExecutor executor;
    private final CatalogLoading loading;
    private final PasswordSource passwords;
    private final LongSupplier nanoClock;

    private final ObservableList<String> endpointNames = FXCollections.observableArrayList();
    private final StringProperty selectedEndpoint = new SimpleStringProperty();
    private final BooleanProperty reading = new SimpleBooleanProperty();
    private final StringProperty progress = new SimpleStringProperty("");
    private final ObjectProperty<DatabaseModel> model = new SimpleObjectProperty<>();
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObjectProperty<CatalogNode> tree = new SimpleObjectProperty<>();
    private final StringProperty emptyText = new SimpleStringProperty();
    private TaskHandle handle;

    private final ObjectProperty<DetailKind> detailKind = new SimpleObjectProperty<>(DetailKind.NONE);
    private final StringProperty detailTitle = new SimpleStringProperty("");
    private final StringProperty detailSummary = new SimpleStringProperty("");
    private final ObservableList<ColumnRow> columns = FXCollections.observableArrayList();
    private final StringProperty keys = new SimpleStringProperty("");
    private final StringProperty indexes = new SimpleStringProperty("");
    private final StringProperty source = new SimpleStringProperty("");

    public CatalogViewModel(ProjectSession session, TaskExecutor executor, CatalogLoading loading, PasswordSource passwords) {
        this(session, executor, loading, passwords, System::nanoTime);
    }

    CatalogViewModel(ProjectSession session, TaskExecutor executor, CatalogLoading loading, PasswordSource passwords,
                     LongSupplier nanoClock) {
        this.session = session;
        this.executor = executor;
        this.loading = loading;
        this.passwords = passwords;
        this.nanoClock = nanoClock;
        refreshEndpoints();
        session.projectProperty().addListener((obs, o, p) -> refreshEndpoints());
        model.addListener((obs, o, m) -> rebuild());
        filter.addListener((obs, o, f) -> rebuild());
        updateEmptyText();
    }

    private void refreshEndpoints() {
        String keep = selectedEndpoint.get();
        endpointNames.setAll(session.project().endpoints().stream().map(EndpointConfig::name).toList());
        if (keep != null && endpointNames.contains(keep)) {
            selectedEndpoint.set(keep);
        } else {
            selectedEndpoint.set(endpointNames.isEmpty() ? null : endpointNames.get(0));
        }
        updateEmptyText();
    }

    private void updateEmptyText() {
        if (model.get() != null) {
            emptyText.set(tree.get() != null && tree.get().children().isEmpty() ? "Nothing matches '" + filter.get().trim() + "'." : "");
        } else if (endpointNames.isEmpty()) {
            emptyText.set("This project has no endpoints yet. Add one in Endpoints (Ctrl+1), then read its catalog here.");
        } else {
            emptyText.set("Choose an endpoint and press Read catalog.");
        }
    }

    /** Reads the chosen endpoint's catalog in the background; does nothing while a read is running. */
    public void read() {
        if (reading.get() || selectedEndpoint.get() == null) {
            return;
        }
        EndpointConfig config = session.project().endpoint(selectedEndpoint.get()).orElse(null);
        if (config == null) {
            return;
        }
        reading.set(true);
        progress.set("Connecting to " + config.describe() + "...");
        handle = executor.submit((BackgroundTask<DatabaseModel>) (progressOut, cancel) -> {
            char[] pw = passwords.resolve(config);
            try {
                AtomicInteger objects = new AtomicInteger();
                AtomicLong last = new AtomicLong(Long.MIN_VALUE);
                String[] phase = {"catalog"};
                CatalogListener listener = new CatalogListener() {
                    @Override
                    public void onPhase(String p) {
                        phase[0] = p;
                        emit(true);
                    }

                    @Override
                    public void onObject(String kind, String name) {
                        objects.incrementAndGet();
                        emit(false);
                    }

                    private void emit(boolean force) {
                        long now = nanoClock.getAsLong();
                        long prev = last.get();
                        if (force || prev == Long.MIN_VALUE || now - prev >= PROGRESS_INTERVAL_MS * 1_000_000L) {
                            last.set(now);
                            progressOut.progress(-1, "Reading " + phase[0] + "... " + objects.get() + " objects so far");
                        }
                    }
                };
                return loading.load(config, pw, listener);
            } finally {
                Arrays.fill(pw, '\0');
            }
        }, new TaskCallbacks<>(m -> {
            reading.set(false);
            handle = null;
            DatabaseModel.Counts c = m.counts();
            progress.set("Read " + config.name() + ": " + count(c.schemas(), "schema") + ", " + count(c.tables(), "table") + ", "
                    + count(c.views(), "view") + ", " + count(c.routines(), "routine") + ", " + count(c.triggers(), "trigger") + ".");
            model.set(m);
        }, err -> {
            reading.set(false);
            handle = null;
            progress.set("Could not read the catalog of '" + config.name() + "': " + Redaction.redact(String.valueOf(err.getMessage())));
        }, (fraction, message) -> {
            if (reading.get() && message != null) {
                progress.set(message);
            }
        }));
    }

    /** Stops waiting for a running read. */
    public void cancel() {
        TaskHandle h = handle;
        if (h != null && reading.get()) {
            h.cancel();
            handle = null;
            reading.set(false);
            progress.set("Cancelled.");
        }
    }

    private void rebuild() {
        DatabaseModel m = model.get();
        tree.set(m == null ? null : CatalogNode.build(m, filter.get()));
        updateEmptyText();
    }

    /** Shows {@code node}'s object in the detail pane (clears it for non-object nodes). */
    public void select(CatalogNode node) {
        columns.clear();
        keys.set("");
        indexes.set("");
        source.set("");
        detailSummary.set("");
        Object p = node == null ? null : node.payload();
        if (p instanceof Table) {
            Table t = (Table) p;
            detailKind.set(DetailKind.TABLE);
            detailTitle.set("Table " + t.schema() + "." + t.name());
            detailSummary.set(t.columns().size() + " columns" + (t.estimatedRows() >= 0 ? ", about "
                    + java.text.NumberFormat.getIntegerInstance(java.util.Locale.ROOT).format(t.estimatedRows()) + " rows" : "")
                    + (t.comment() == null || t.comment().isBlank() ? "" : " - " + t.comment()));
            columns.setAll(t.columns().stream().map(CatalogViewModel::row).toList());
            indexes.set(t.indexes().isEmpty() ? "(none)" : t.indexes().stream().map(CatalogViewModel::indexText).collect(Collectors.joining("\n")));
            keys.set(keysText(t));
        } else if (p instanceof View) {
            View v = (View) p;
            detailKind.set(DetailKind.SOURCE);
            detailTitle.set((v.materialized() ? "Materialized view " : "View ") + v.schema() + "." + v.name());
            detailSummary.set(v.columns().size() + " columns");
            columns.setAll(v.columns().stream().map(CatalogViewModel::row).toList());
            source.set(orNone(v.definition()));
        } else if (p instanceof Routine) {
            Routine r = (Routine) p;
            detailKind.set(DetailKind.SOURCE);
            detailTitle.set((r.kind() == Routine.Kind.FUNCTION ? "Function " : "Procedure ") + r.schema() + "." + r.name());
            detailSummary.set("(" + r.parameters().stream().map(x -> (x.mode() == null ? "" : x.mode() + " ")
                    + (x.name() == null ? "" : x.name() + " ") + x.type()).collect(Collectors.joining(", ")) + ")"
                    + (r.returnType() == null ? "" : " returns " + r.returnType())
                    + (r.language() == null ? "" : ", language " + r.language()));
            source.set(orNone(r.source()));
        } else if (p instanceof Trigger) {
            Trigger t = (Trigger) p;
            detailKind.set(DetailKind.SOURCE);
            detailTitle.set("Trigger " + t.schema() + "." + t.name());
            detailSummary.set((t.timing() == null ? "" : t.timing().name().replace('_', ' ') + " ") + String.join(" OR ", t.events())
                    + " on " + t.table() + (t.level() == null ? "" : ", for each " + t.level().name().toLowerCase(Locale.ROOT))
                    + (t.enabled() ? "" : ", disabled"));
            source.set(orNone(t.source()));
        } else if (p instanceof Sequence) {
            Sequence s = (Sequence) p;
            detailKind.set(DetailKind.SOURCE);
            detailTitle.set("Sequence " + s.schema() + "." + s.name());
            detailSummary.set(s.dataType() == null ? "" : s.dataType());
            source.set("start " + s.start() + "\nincrement " + s.increment() + "\nmin " + s.minValue() + "\nmax " + s.maxValue()
                    + "\ncache " + s.cache() + "\ncycle " + s.cycle() + (s.lastValue() == null ? "" : "\nlast value " + s.lastValue())
                    + (s.ownedBy() == null ? "" : "\nowned by " + s.ownedBy()));
        } else if (p instanceof UserType) {
            UserType u = (UserType) p;
            detailKind.set(DetailKind.SOURCE);
            detailTitle.set("Type " + u.schema() + "." + u.name());
            detailSummary.set(u.kind().name().toLowerCase(Locale.ROOT));
            columns.setAll(u.attributes().stream().map(CatalogViewModel::row).toList());
            source.set(u.source() != null ? u.source()
                    : !u.labels().isEmpty() ? "labels: " + String.join(", ", u.labels())
                    : u.elementType() != null ? "element type: " + u.elementType() : "(none)");
        } else {
            detailKind.set(DetailKind.NONE);
            detailTitle.set("");
        }
    }

    static ColumnRow row(Column c) {
        String type = c.type() == null ? "" : c.type().declared() != null ? c.type().declared() : c.type().name();
        String def = c.generated() != null ? "GENERATED AS (" + c.generated() + ")" + (c.generatedStored() ? " STORED" : "")
                : c.defaultExpression() == null ? "" : c.defaultExpression();
        String id = c.identity() == null ? "" : c.identity().kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + (c.identity().start() == null ? "" : " start " + c.identity().start())
                + (c.identity().increment() == null ? "" : " by " + c.identity().increment());
        return new ColumnRow(c.name(), type, c.nullable() ? "yes" : "no", def, id);
    }

    private static String keysText(Table t) {
        List<String> lines = new ArrayList<>();
        KeyConstraint pk = t.primaryKey();
        lines.add(pk == null ? "No primary key" : "PRIMARY KEY " + name(pk.name()) + "(" + String.join(", ", pk.columns()) + ")");
        for (KeyConstraint u : t.uniqueKeys()) {
            lines.add("UNIQUE " + name(u.name()) + "(" + String.join(", ", u.columns()) + ")");
        }
        for (ForeignKey f : t.foreignKeys()) {
            lines.add("FOREIGN KEY " + name(f.name()) + "(" + String.join(", ", f.columns()) + ") REFERENCES "
                    + (f.referencedSchema() == null ? "" : f.referencedSchema() + ".") + f.referencedTable()
                    + "(" + String.join(", ", f.referencedColumns()) + ")"
                    + (f.onDelete() == null || f.onDelete() == ForeignKey.Action.NO_ACTION ? "" : " ON DELETE " + f.onDelete().name().replace('_', ' ')));
        }
        return String.join("\n", lines);
    }

    private static String name(String n) {
        return n == null || n.isBlank() ? "" : n + " ";
    }

    private static String indexText(Index i) {
        return (i.unique() ? "UNIQUE " : "") + (i.name() == null ? "" : i.name() + " ") + "("
                + i.elements().stream().map(e -> (e.column() != null ? e.column() : e.expression()) + (e.descending() ? " DESC" : ""))
                .collect(Collectors.joining(", ")) + ")" + (i.where() == null ? "" : " WHERE " + i.where());
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String orNone(String s) {
        return s == null || s.isBlank() ? "(no source text available)" : s;
    }

    public ObservableList<String> endpointNames() {
        return endpointNames;
    }

    public StringProperty selectedEndpointProperty() {
        return selectedEndpoint;
    }

    public ReadOnlyBooleanProperty readingProperty() {
        return reading;
    }

    public ReadOnlyStringProperty progressProperty() {
        return progress;
    }

    public ReadOnlyObjectProperty<DatabaseModel> modelProperty() {
        return model;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ReadOnlyObjectProperty<CatalogNode> treeProperty() {
        return tree;
    }

    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText;
    }

    public ReadOnlyObjectProperty<DetailKind> detailKindProperty() {
        return detailKind;
    }

    public ReadOnlyStringProperty detailTitleProperty() {
        return detailTitle;
    }

    public ReadOnlyStringProperty detailSummaryProperty() {
        return detailSummary;
    }

    public ObservableList<ColumnRow> columns() {
        return columns;
    }

    public ReadOnlyStringProperty keysProperty() {
        return keys;
    }

    public ReadOnlyStringProperty indexesProperty() {
        return indexes;
    }

    public ReadOnlyStringProperty sourceProperty() {
        return source;
    }
}
