package dev.ferry.app.gui.endpoints;

import dev.ferry.app.gui.dialog.DialogService;
import dev.ferry.app.gui.task.BackgroundTask;
import dev.ferry.app.gui.task.TaskCallbacks;
import dev.ferry.app.gui.task.TaskExecutor;
import dev.ferry.app.gui.task.TaskHandle;
import dev.ferry.app.gui.workbench.ProjectSession;
import dev.ferry.engine.endpoint.ConnectionTestResult;
import dev.ferry.engine.endpoint.EndpointUrl;
import dev.ferry.engine.endpoint.ParsedEndpoint;
import dev.ferry.engine.endpoint.ReadinessCheck;
import dev.ferry.engine.endpoint.Role;
import dev.ferry.engine.secret.SecretStore;
import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.project.Project;
import dev.ferry.model.project.TlsMode;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.util.Redaction;
import javafx.beans.Observable;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * State and actions of the Endpoints section: the project's endpoints, an editor form validated as the user types,
 * "Paste URL", saving (the password goes to the secret store under {@code ferry/<project>/<endpoint>} or is read from
 * an environment variable, never into the project), and "Test connection" with optional readiness checks.
 *
 * <p>Holds no JavaFX nodes; uses JavaFX properties only. Use on the UI thread; database, secret-store and file work runs
 * in {@link BackgroundTask}s on the {@link TaskExecutor}, whose callbacks arrive on the UI thread.
 */
public final class EndpointsViewModel {

    /** Where a saved endpoint's password comes from. */
    public enum PasswordMode {
        SECRET_STORE("Secret store"), ENVIRONMENT("Environment variable");

        private final String label;

        PasswordMode(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** What the test checks besides logging in. */
    public enum CheckRole {
        CONNECTION_ONLY("Connection only", null), SOURCE("Source (full load)", Role.SOURCE_FULL_LOAD),
        CDC_SOURCE("CDC source", Role.SOURCE_CDC), TARGET("Target", Role.TARGET);

        private final String label;
        private final Role role;

        CheckRole(String label, Role role) {
            this.label = label;
            this.role = role;
        }

        public Role role() {
            return role;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** State of the connection test panel. */
    public enum TestState { IDLE, RUNNING, OK, FAILED, CANCELLED }

    /** Result of a test task: the connection outcome, the readiness checks and why they could not run (or null). */
    record TestRun(ConnectionTestResult result, List<ReadinessCheck> checks, String readinessError) {
    }

    private final ProjectSession session;
    private final TaskExecutor executor;
    private final EndpointTesting tester;
    private final Supplier<SecretStore> secrets;
    private final PasswordSource passwords;
    private final DialogService dialogs;

    private final ObservableList<EndpointConfig> endpoints = FXCollections.observableArrayList();
    private final ObjectProperty<EndpointConfig> selected = new SimpleObjectProperty<>();
    private final BooleanProperty editing = new SimpleBooleanProperty();
    private String originalName;
    private String keptPasswordRef;
    private String generatedName;
    private EndpointConfig loadedSnapshot;
    private boolean loading;

    // the form
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<Engine> engine = new SimpleObjectProperty<>(Engine.POSTGRESQL);
    private final StringProperty host = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty("");
    private final StringProperty database = new SimpleStringProperty("");
    private final BooleanProperty oracleSid = new SimpleBooleanProperty();
    private final StringProperty path = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ObjectProperty<PasswordMode> passwordMode = new SimpleObjectProperty<>(PasswordMode.SECRET_STORE);
    private final StringProperty passwordEnv = new SimpleStringProperty("");
    private final ObjectProperty<TlsMode> tls = new SimpleObjectProperty<>(TlsMode.DISABLE);
    private final StringProperty timeout = new SimpleStringProperty(String.valueOf(EndpointConfig.DEFAULT_CONNECT_TIMEOUT_SECONDS));
    private final ObservableList<DriverProperty> properties = FXCollections.observableArrayList(
            p -> new Observable[] {p.keyProperty(), p.valueProperty()});
    private final StringProperty passwordHint = new SimpleStringProperty("");

    // validation
    private final StringProperty nameError = new SimpleStringProperty("");
    private final StringProperty hostError = new SimpleStringProperty("");
    private final StringProperty portError = new SimpleStringProperty("");
    private final StringProperty databaseError = new SimpleStringProperty("");
    private final StringProperty pathError = new SimpleStringProperty("");
    private final StringProperty passwordEnvError = new SimpleStringProperty("");
    private final StringProperty timeoutError = new SimpleStringProperty("");
    private final StringProperty propertiesError = new SimpleStringProperty("");
    private final BooleanProperty valid = new SimpleBooleanProperty();
    private final BooleanProperty saving = new SimpleBooleanProperty();
    private String checkedPath;
    private Boolean checkedPathExists;

    // URL paste
    private final StringProperty urlError = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");

    // connection test
    private final ObjectProperty<CheckRole> checkRole = new SimpleObjectProperty<>(CheckRole.CONNECTION_ONLY);
    private final ObjectProperty<TestState> testState = new SimpleObjectProperty<>(TestState.IDLE);
    private final StringProperty testMessage = new SimpleStringProperty("");
    private final ObservableList<ReadinessCheck> readiness = FXCollections.observableArrayList();
    private final BooleanProperty testing = new SimpleBooleanProperty();
    private TaskHandle testHandle;

    public EndpointsViewModel(ProjectSession session, TaskExecutor executor, EndpointTesting testing,
                              Supplier<SecretStore> secrets, PasswordSource passwords, DialogService dialogs) {
        this.session = session;
        this.executor = executor;
        this.tester = testing;
        this.secrets = secrets;
        this.passwords = passwords;
        this.dialogs = dialogs;
        endpoints.setAll(session.project().endpoints());
        session.projectProperty().addListener((obs, o, p) -> endpoints.setAll(p.endpoints()));
        for (Observable o : List.<Observable>of(name, engine, host, port, database, oracleSid, path, passwordMode, passwordEnv, timeout, properties, editing)) {
            o.addListener(x -> validate());
        }
        engine.addListener((obs, old, now) -> {
            if (!loading && now != null && old != null) {
                String oldDefault = defaultPort(old);
                if (port.get().isBlank() || port.get().trim().equals(oldDefault)) {
                    port.set(defaultPort(now));
                }
            }
        });
        path.addListener((obs, o, n) -> checkPathInBackground());
        engine.addListener((obs, o, n) -> checkPathInBackground());
        validate();
    }

    /** The default port shown for {@code e}, or empty for SQLite. */
    public static String defaultPort(Engine e) {
        switch (e) {
            case POSTGRESQL: return "5432";
            case MYSQL: return "3306";
            case ORACLE: return "1521";
            default: return "";
        }
    }

    /** The secret-store key of an endpoint's password. */
    public static String secretKey(String project, String endpoint) {
        return "ferry/" + project + "/" + endpoint;
    }

    // ------------------------------------------------------------------ list actions

    /**
     * Shows {@code e} in the form (or hides the form for {@code null}). When the form has unsaved edits the user is
     * asked first; returns {@code false} (and changes nothing) when they keep editing.
     */
    public boolean select(EndpointConfig e) {
        if (e != null && e.equals(selected.get()) && editing.get()) {
            return true;
        }
        if (!confirmDiscard()) {
            return false;
        }
        selected.set(e);
        if (e == null) {
            editing.set(false);
            return true;
        }
        load(e, e.name(), e.passwordRef());
        return true;
    }

    /** Whether the form holds edits that are not in the project (a new endpoint, a typed password, a changed field). */
    public boolean hasUnsavedFormChanges() {
        if (!editing.get()) {
            return false;
        }
        if (originalName == null || !password.get().isEmpty()) {
            return true;
        }
        try {
            return !withPasswordSource(formConfig()).equals(loadedSnapshot);
        } catch (RuntimeException unparsable) {
            return true;
        }
    }

    private boolean confirmDiscard() {
        return !hasUnsavedFormChanges() || dialogs.confirm("Discard changes",
                "The endpoint '" + name.get().trim() + "' has unsaved changes. Discard them?");
    }

    private EndpointConfig withPasswordSource(EndpointConfig c) {
        if (c.engine() == Engine.SQLITE) {
            return c;
        }
        return passwordMode.get() == PasswordMode.ENVIRONMENT ? c.withPasswordEnv(passwordEnv.get().trim()) : c.withPasswordRef(keptPasswordRef);
    }

    /** Starts a new PostgreSQL endpoint with a unique name; it joins the list when saved. */
    public void add() {
        if (!confirmDiscard()) {
            return;
        }
        selected.set(null);
        EndpointConfig blank = new EndpointConfig(uniqueName("endpoint"), Engine.POSTGRESQL, "localhost", null, "", "",
                null, null, TlsMode.DISABLE, Map.of(), null, null);
        load(blank, null, null);
        generatedName = blank.name();
        port.set(defaultPort(Engine.POSTGRESQL));
        status.set("New endpoint: fill in the form and press Save.");
    }

    /** Starts a copy of the selected endpoint under a new name; it joins the list when saved. */
    public void duplicate() {
        EndpointConfig e = selected.get();
        if (e == null || !confirmDiscard()) {
            return;
        }
        selected.set(null);
        load(e.withName(uniqueName(e.name() + "-copy")), null, e.passwordRef());
        status.set("Copy of '" + e.name() + "': change what differs and press Save.");
    }

    /** Removes the selected endpoint after confirmation; its stored password is deleted in the background. */
    public void remove() {
        EndpointConfig e = selected.get();
        if (e == null) {
            return;
        }
        if (!dialogs.confirm("Remove endpoint", "Remove endpoint '" + e.name() + "' from the project?")) {
            return;
        }
        session.update(p -> replace(p, e.name(), null));
        editing.set(false);
        selected.set(null);
        status.set("Removed endpoint '" + e.name() + "'.");
        String ref = e.passwordRef();
        if (ref != null && ref.equals(secretKey(session.project().name(), e.name()))) {
            executor.submit((BackgroundTask<Boolean>) (progress, cancel) -> secrets.get().delete(ref),
                    TaskCallbacks.of(r -> { }, err -> status.set("Removed endpoint '" + e.name()
                            + "', but could not delete its stored password: " + Redaction.redact(err.getMessage()))));
        }
    }

    private String uniqueName(String base) {
        if (session.project().endpoint(base).isEmpty()) {
            return base;
        }
        for (int i = 2; ; i++) {
            if (session.project().endpoint(base + "-" + i).isEmpty()) {
                return base + "-" + i;
            }
        }
    }

    private void load(EndpointConfig e, String original, String ref) {
        loading = true;
        try {
            originalName = original;
            keptPasswordRef = ref;
            name.set(e.name());
            engine.set(e.engine());
            host.set(nz(e.host()));
            port.set(e.port() == null ? "" : String.valueOf(e.port()));
            Map<String, String> props = new LinkedHashMap<>(e.properties());
            oracleSid.set(props.remove(EndpointUrl.ORACLE_SID_PROPERTY) != null);
            database.set(nz(e.database()));
            path.set(nz(e.path()));
            user.set(nz(e.user()));
            password.set("");
            boolean env = e.passwordEnv() != null && !e.passwordEnv().isBlank();
            passwordMode.set(env ? PasswordMode.ENVIRONMENT : PasswordMode.SECRET_STORE);
            passwordEnv.set(env ? e.passwordEnv() : "");
            tls.set(e.tls());
            timeout.set(String.valueOf(e.effectiveConnectTimeoutSeconds()));
            List<DriverProperty> rows = new ArrayList<>();
            props.forEach((k, v) -> rows.add(new DriverProperty(k, v)));
            properties.setAll(rows);
            urlError.set("");
            cancelTest(); // a result for the previous form would be misleading
            resetTest();
            editing.set(true);
        } finally {
            loading = false;
        }
        updatePasswordHint();
        checkPathInBackground();
        validate();
        try {
            loadedSnapshot = withPasswordSource(formConfig());
        } catch (RuntimeException e2) {
            loadedSnapshot = null;
        }
    }

    private void updatePasswordHint() {
        passwordHint.set(keptPasswordRef == null ? "" : "Leave empty to keep the stored password (" + keptPasswordRef + ").");
    }

    // ------------------------------------------------------------------ validation

    private void validate() {
        Engine e = engine.get();
        String n = name.get().trim();
        nameError.set(n.isEmpty() ? "Required."
                : endpointsOtherThanOriginal().contains(n) ? "Another endpoint is already called '" + n + "'." : "");
        boolean sqlite = e == Engine.SQLITE;
        hostError.set(!sqlite && host.get().isBlank() ? "Required." : "");
        portError.set(sqlite ? "" : portMessage(port.get()));
        databaseError.set(!sqlite && database.get().isBlank() && e == Engine.ORACLE
                ? (oracleSid.get() ? "Required: the SID." : "Required: the service name.") : "");
        if (sqlite) {
            String p = path.get().trim();
            pathError.set(p.isEmpty() ? "Required: the database file."
                    : p.equals(checkedPath) && Boolean.FALSE.equals(checkedPathExists) ? "No such file." : "");
        } else {
            pathError.set("");
        }
        passwordEnvError.set(!sqlite && passwordMode.get() == PasswordMode.ENVIRONMENT
                ? envMessage(passwordEnv.get().trim()) : "");
        timeoutError.set(rangeMessage(timeout.get(), 1, 3600, "seconds", true));
        propertiesError.set(propertiesMessage());
        valid.set(editing.get() && allEmpty(nameError, hostError, portError, databaseError, pathError, passwordEnvError,
                timeoutError, propertiesError));
    }

    private List<String> endpointsOtherThanOriginal() {
        return session.project().endpoints().stream().map(EndpointConfig::name).filter(x -> !x.equals(originalName)).toList();
    }

    private static String portMessage(String text) {
        if (text.isBlank()) {
            return "";
        }
        return rangeMessage(text, 1, 65535, "", false);
    }

    private static String rangeMessage(String text, int min, int max, String unit, boolean required) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return required ? "Required." : "";
        }
        try {
            long v = Long.parseLong(t);
            if (v < min || v > max) {
                return "Must be " + min + "-" + max + (unit.isEmpty() ? "" : " " + unit) + ".";
            }
            return "";
        } catch (NumberFormatException ex) {
            return "Not a number.";
        }
    }

    private static String envMessage(String v) {
        if (v.isEmpty()) {
            return "Required: the variable's name.";
        }
        return v.matches("[A-Za-z_][A-Za-z0-9_]*") ? "" : "Letters, digits and '_' only, not starting with a digit.";
    }

    private String propertiesMessage() {
        List<String> seen = new ArrayList<>();
        for (DriverProperty p : properties) {
            String k = p.key().trim();
            if (k.isEmpty()) {
                if (!p.value().isBlank()) {
                    return "A property has a value but no name.";
                }
                continue;
            }
            if (seen.contains(k)) {
                return "Property '" + k + "' appears twice.";
            }
            if (k.equals(EndpointUrl.ORACLE_SID_PROPERTY)) {
                return "Use the SID switch instead of the property '" + k + "'.";
            }
            if (k.toLowerCase(java.util.Locale.ROOT).contains("password")) {
                return "Passwords do not belong in driver properties; use the password field.";
            }
            seen.add(k);
        }
        return "";
    }

    private static boolean allEmpty(StringProperty... messages) {
        return Arrays.stream(messages).allMatch(m -> m.get().isEmpty());
    }

    private void checkPathInBackground() {
        if (engine.get() != Engine.SQLITE) {
            return;
        }
        String p = path.get().trim();
        if (p.isEmpty()) {
            return;
        }
        executor.submit((BackgroundTask<Boolean>) (progress, cancel) -> Files.isRegularFile(Path.of(p)),
                TaskCallbacks.of(exists -> {
                    checkedPath = p;
                    checkedPathExists = exists;
                    validate();
                }, err -> {
                    checkedPath = p;
                    checkedPathExists = false;
                    validate();
                }));
    }

    // ------------------------------------------------------------------ building the endpoint

    /** The form as an endpoint without password source; throws when a number field is not a number. */
    EndpointConfig formConfig() {
        Engine e = engine.get();
        Map<String, String> props = new LinkedHashMap<>();
        for (DriverProperty p : properties) {
            if (!p.key().isBlank()) {
                props.put(p.key().trim(), p.value());
            }
        }
        if (e == Engine.SQLITE) {
            return new EndpointConfig(name.get().trim(), e, null, null, null, null, null, null, TlsMode.DISABLE, props,
                    parseInt(timeout.get()), path.get().trim());
        }
        if (e == Engine.ORACLE && oracleSid.get()) {
            props.put(EndpointUrl.ORACLE_SID_PROPERTY, database.get().trim());
        }
        return new EndpointConfig(name.get().trim(), e, host.get().trim(), parseInt(port.get()), blankToNull(database.get()),
                blankToNull(user.get()), null, null, tls.get(), props, parseInt(timeout.get()), null);
    }

    private static Integer parseInt(String s) {
        String t = s == null ? "" : s.trim();
        return t.isEmpty() ? null : Integer.valueOf(t);
    }

    // ------------------------------------------------------------------ URL paste

    /** Fills the form from a pasted connection URL; a password in it goes to the password field only. */
    public void pasteUrl(String url) {
        ParsedEndpoint parsed;
        try {
            parsed = EndpointUrl.parse(url);
        } catch (IllegalArgumentException ex) {
            urlError.set(ex.getMessage());
            return;
        }
        EndpointConfig c = parsed.config();
        boolean derive = name.get().isBlank() || originalName == null && name.get().equals(generatedName);
        String keepName = derive ? uniqueName(c.name() == null || c.name().isBlank() ? "endpoint" : c.name()) : name.get();
        String original = originalName;
        String ref = keptPasswordRef;
        load(c.withName(keepName), original, ref);
        if (parsed.password() != null) {
            password.set(new String(parsed.password()));
            parsed.clearPassword();
        }
        status.set("Filled the form from the URL" + (parsed.password() != null ? " (its password is in the password field)." : "."));
    }

    // ------------------------------------------------------------------ save

    /**
     * Saves the form into the project. A typed password is written to the secret store first (in the background) and
     * the endpoint keeps only its key; with "environment variable" the endpoint names the variable.
     */
    public void save() {
        validate();
        if (!valid.get() || saving.get()) {
            return;
        }
        EndpointConfig base = formConfig();
        String original = originalName;
        boolean sqlite = base.engine() == Engine.SQLITE;
        if (sqlite) {
            apply(base, original);
            return;
        }
        if (passwordMode.get() == PasswordMode.ENVIRONMENT) {
            apply(base.withPasswordEnv(passwordEnv.get().trim()), original);
            return;
        }
        char[] typed = password.get().isEmpty() ? null : password.get().toCharArray();
        if (typed == null) {
            apply(base.withPasswordRef(keptPasswordRef), original);
            return;
        }
        String key = secretKey(session.project().name(), base.name());
        saving.set(true);
        status.set("Saving the password to the secret store...");
        executor.submit((BackgroundTask<String>) (progress, cancel) -> {
            try {
                SecretStore store = secrets.get();
                store.put(key, typed);
                return store.describe();
            } finally {
                Arrays.fill(typed, '\0');
            }
        }, TaskCallbacks.of(where -> {
            saving.set(false);
            password.set("");
            apply(base.withPasswordRef(key), original);
            status.set("Saved endpoint '" + base.name() + "'; its password is in the " + where + ".");
        }, err -> {
            saving.set(false);
            status.set("");
            dialogs.showError("Cannot store the password", "The password of '" + base.name()
                    + "' could not be stored, so the endpoint was not saved: " + Redaction.redact(String.valueOf(err.getMessage())), err);
        }));
    }

    private void apply(EndpointConfig config, String original) {
        session.update(p -> replace(p, original, config));
        EndpointConfig saved = session.project().endpoint(config.name()).orElse(config);
        selected.set(saved);
        load(saved, saved.name(), saved.passwordRef());
        if (status.get().isEmpty() || !status.get().startsWith("Saved")) {
            status.set("Saved endpoint '" + config.name() + "'.");
        }
    }

    /** {@code p} with the endpoint called {@code original} replaced by {@code config} in place (added when new, removed when null). */
    static Project replace(Project p, String original, EndpointConfig config) {
        List<EndpointConfig> list = new ArrayList<>(p.endpoints());
        int i = -1;
        for (int k = 0; k < list.size(); k++) {
            if (list.get(k).name().equals(original)) {
                i = k;
            }
        }
        if (config == null) {
            if (i >= 0) {
                list.remove(i);
            }
        } else if (i >= 0) {
            list.set(i, config);
        } else {
            list.add(config);
        }
        return new Project(p.name(), list, p.tableMappings(), p.typeMappings(), p.tasks());
    }

    // ------------------------------------------------------------------ connection test

    /** Tests the form's endpoint (saved or not) in the background; then, with a role chosen, runs its readiness checks. */
    public void testConnection() {
        validate();
        if (testing.get()) {
            return;
        }
        if (!valid.get()) {
            testState.set(TestState.FAILED);
            testMessage.set("Fix the fields marked in the form first.");
            return;
        }
        EndpointConfig config = formConfig();
        EndpointConfig withSource = passwordMode.get() == PasswordMode.ENVIRONMENT && config.engine() != Engine.SQLITE
                ? config.withPasswordEnv(passwordEnv.get().trim()) : config.withPasswordRef(keptPasswordRef);
        char[] typed = password.get().isEmpty() ? null : password.get().toCharArray();
        Role role = checkRole.get() == null ? null : checkRole.get().role();
        readiness.clear();
        testing.set(true);
        testState.set(TestState.RUNNING);
        testMessage.set("Connecting to " + config.describe() + "...");
        testHandle = executor.submit((BackgroundTask<TestRun>) (progress, cancel) -> {
            char[] pw = typed != null ? typed : passwords.resolve(withSource);
            try {
                ConnectionTestResult r = tester.test(config, pw);
                if (!r.ok() || role == null || cancel.isCancelled()) {
                    return new TestRun(r, List.of(), null);
                }
                progress.progress(-1, "Connected; running the readiness checks...");
                try {
                    return new TestRun(r, tester.readiness(config, pw, role), null);
                } catch (Exception ex) {
                    return new TestRun(r, List.of(), Redaction.redact(String.valueOf(ex.getMessage()), pw));
                }
            } finally {
                Arrays.fill(pw, '\0');
            }
        }, new TaskCallbacks<>(run -> {
            testing.set(false);
            testHandle = null;
            ConnectionTestResult r = run.result();
            testState.set(r.ok() ? TestState.OK : TestState.FAILED);
            String msg = r.message();
            if (run.readinessError() != null) {
                msg += " The readiness checks could not run: " + run.readinessError();
            }
            testMessage.set(msg);
            readiness.setAll(run.checks());
        }, err -> {
            testing.set(false);
            testHandle = null;
            testState.set(TestState.FAILED);
            testMessage.set("Could not test '" + config.name() + "': " + Redaction.redact(String.valueOf(err.getMessage())));
        }, (fraction, message) -> {
            if (message != null && testing.get()) {
                testMessage.set(message);
            }
        }));
    }

    /** Stops waiting for a running test; its result is dropped. */
    public void cancelTest() {
        TaskHandle h = testHandle;
        if (h != null && testing.get()) {
            h.cancel();
            testHandle = null;
            testing.set(false);
            testState.set(TestState.CANCELLED);
            testMessage.set("Test cancelled.");
        }
    }

    private void resetTest() {
        if (!testing.get()) {
            testState.set(TestState.IDLE);
            testMessage.set("");
            readiness.clear();
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    // ------------------------------------------------------------------ properties

    public ObservableList<EndpointConfig> endpoints() {
        return endpoints;
    }

    public ReadOnlyObjectProperty<EndpointConfig> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty editingProperty() {
        return editing;
    }

    /** Whether the form shows an endpoint that is not in the project yet (new or duplicate). */
    public boolean isNew() {
        return originalName == null;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<Engine> engineProperty() {
        return engine;
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty databaseProperty() {
        return database;
    }

    public BooleanProperty oracleSidProperty() {
        return oracleSid;
    }

    public StringProperty pathProperty() {
        return path;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ObjectProperty<PasswordMode> passwordModeProperty() {
        return passwordMode;
    }

    public StringProperty passwordEnvProperty() {
        return passwordEnv;
    }

    public ReadOnlyStringProperty passwordHintProperty() {
        return passwordHint;
    }

    public ObjectProperty<TlsMode> tlsProperty() {
        return tls;
    }

    public StringProperty timeoutProperty() {
        return timeout;
    }

    public ObservableList<DriverProperty> properties() {
        return properties;
    }

    public ReadOnlyStringProperty nameErrorProperty() {
        return nameError;
    }

    public ReadOnlyStringProperty hostErrorProperty() {
        return hostError;
    }

    public ReadOnlyStringProperty portErrorProperty() {
        return portError;
    }

    public ReadOnlyStringProperty databaseErrorProperty() {
        return databaseError;
    }

    public ReadOnlyStringProperty pathErrorProperty() {
        return pathError;
    }

    public ReadOnlyStringProperty passwordEnvErrorProperty() {
        return passwordEnvError;
    }

    public ReadOnlyStringProperty timeoutErrorProperty() {
        return timeoutError;
    }

    public ReadOnlyStringProperty propertiesErrorProperty() {
        return propertiesError;
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid;
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving;
    }

    public ReadOnlyStringProperty urlErrorProperty() {
        return urlError;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ObjectProperty<CheckRole> checkRoleProperty() {
        return checkRole;
    }

    public ReadOnlyObjectProperty<TestState> testStateProperty() {
        return testState;
    }

    public ReadOnlyStringProperty testMessageProperty() {
        return testMessage;
    }

    public ObservableList<ReadinessCheck> readiness() {
        return readiness;
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing;
    }
}
