package dev.ferry.app.gui.endpoints;

import dev.ferry.app.gui.endpoints.EndpointsViewModel.CheckRole;
import dev.ferry.app.gui.endpoints.EndpointsViewModel.PasswordMode;
import dev.ferry.app.gui.endpoints.EndpointsViewModel.TestState;
import dev.ferry.app.gui.fakes.FakeEndpointTesting;
import dev.ferry.app.gui.fakes.FakeSecretStore;
import dev.ferry.app.gui.fakes.ManualTaskExecutor;
import dev.ferry.app.gui.fakes.RecordingDialogs;
import dev.ferry.app.gui.task.CurrentThreadTaskExecutor;
import dev.ferry.app.gui.task.TaskExecutor;
import dev.ferry.app.gui.workbench.ProjectSession;
import dev.ferry.engine.endpoint.ConnectionTestResult;
import dev.ferry.engine.endpoint.ReadinessCheck;
import dev.ferry.engine.endpoint.Role;
import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.project.Project;
import dev.ferry.model.project.ProjectFiles;
import dev.ferry.model.project.TlsMode;
import dev.ferry.model.schema.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EndpointsViewModelTest {

    @TempDir
    Path dir;

    private final FakeSecretStore store = new FakeSecretStore();
    private final FakeEndpointTesting testing = new FakeEndpointTesting();
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final Map<String, String> env = new HashMap<>();

    private static final EndpointConfig SALES = new EndpointConfig("sales", Engine.POSTGRESQL, "db.example", 5432, "sales", "app",
            "ferry/shop/sales", null, TlsMode.REQUIRE, Map.of(), null, null);
    private static final EndpointConfig HR = new EndpointConfig("hr", Engine.MYSQL, "my.example", null, "hr", "hr",
            null, "HR_PW", TlsMode.DISABLE, Map.of(), null, null);

    private ProjectSession session = new ProjectSession(new Project("shop", List.of(SALES, HR), null, null, null), null);

    private EndpointsViewModel vm(TaskExecutor executor) {
        return new EndpointsViewModel(session, executor, testing, () -> store, new PasswordSource(() -> store, env::get), dialogs);
    }

    private EndpointsViewModel vm() {
        return vm(new CurrentThreadTaskExecutor());
    }

    @Test
    void listsTheProjectsEndpointsAndLoadsTheSelectedOneIntoTheForm() {
        EndpointsViewModel vm = vm();
        assertThat(vm.endpoints()).containsExactly(SALES, HR);
        assertThat(vm.editingProperty().get()).isFalse();
        vm.select(HR);
        assertThat(vm.editingProperty().get()).isTrue();
        assertThat(vm.nameProperty().get()).isEqualTo("hr");
        assertThat(vm.engineProperty().get()).isEqualTo(Engine.MYSQL);
        assertThat(vm.portProperty().get()).isEmpty();
        assertThat(vm.passwordModeProperty().get()).isEqualTo(PasswordMode.ENVIRONMENT);
        assertThat(vm.passwordEnvProperty().get()).isEqualTo("HR_PW");
        assertThat(vm.validProperty().get()).isTrue();
    }

    @Test
    void validatesAsTheUserTypes() {
        EndpointsViewModel vm = vm();
        vm.select(SALES);
        vm.nameProperty().set("hr");
        assertThat(vm.nameErrorProperty().get()).isEqualTo("Another endpoint is already called 'hr'.");
        assertThat(vm.validProperty().get()).isFalse();
        vm.nameProperty().set(" ");
        assertThat(vm.nameErrorProperty().get()).isEqualTo("Required.");
        vm.nameProperty().set("sales");
        assertThat(vm.nameErrorProperty().get()).isEmpty();
        vm.portProperty().set("70000");
        assertThat(vm.portErrorProperty().get()).isEqualTo("Must be 1-65535.");
        vm.portProperty().set("54x");
        assertThat(vm.portErrorProperty().get()).isEqualTo("Not a number.");
        vm.portProperty().set("");
        assertThat(vm.portErrorProperty().get()).isEmpty();
        vm.hostProperty().set("");
        assertThat(vm.hostErrorProperty().get()).isEqualTo("Required.");
        assertThat(vm.validProperty().get()).isFalse();
        vm.hostProperty().set("db2.example");
        vm.timeoutProperty().set("0");
        assertThat(vm.timeoutErrorProperty().get()).isEqualTo("Must be 1-3600 seconds.");
        vm.timeoutProperty().set("30");
        vm.passwordModeProperty().set(PasswordMode.ENVIRONMENT);
        assertThat(vm.passwordEnvErrorProperty().get()).isEqualTo("Required: the variable's name.");
        vm.passwordEnvProperty().set("9LIVES");
        assertThat(vm.passwordEnvErrorProperty().get()).isEqualTo("Letters, digits and '_' only, not starting with a digit.");
        vm.passwordEnvProperty().set("SALES_PW");
        assertThat(vm.validProperty().get()).isTrue();
        vm.properties().add(new DriverProperty("password", "x"));
        assertThat(vm.propertiesErrorProperty().get()).isEqualTo("Passwords do not belong in driver properties; use the password field.");
        vm.properties().get(0).keyProperty().set("ApplicationName");
        assertThat(vm.propertiesErrorProperty().get()).isEmpty();
        vm.properties().add(new DriverProperty("ApplicationName", "y"));
        assertThat(vm.propertiesErrorProperty().get()).isEqualTo("Property 'ApplicationName' appears twice.");
        assertThat(vm.validProperty().get()).isFalse();
    }

    @Test
    void oracleNeedsAServiceNameOrSid() {
        EndpointsViewModel vm = vm();
        vm.add();
        vm.engineProperty().set(Engine.ORACLE);
        assertThat(vm.portProperty().get()).isEqualTo("1521");
        assertThat(vm.databaseErrorProperty().get()).isEqualTo("Required: the service name.");
        vm.oracleSidProperty().set(true);
        assertThat(vm.databaseErrorProperty().get()).isEqualTo("Required: the SID.");
        vm.databaseProperty().set("XE");
        assertThat(vm.validProperty().get()).isTrue();
        vm.save();
        EndpointConfig saved = session.project().endpoint("endpoint").orElseThrow();
        assertThat(saved.properties()).containsEntry("oracle.sid", "XE");
        assertThat(saved.database()).isEqualTo("XE");
    }

    @Test
    void sqliteNeedsAnExistingFile() throws Exception {
        EndpointsViewModel vm = vm();
        vm.add();
        vm.engineProperty().set(Engine.SQLITE);
        assertThat(vm.pathErrorProperty().get()).isEqualTo("Required: the database file.");
        assertThat(vm.hostErrorProperty().get()).isEmpty();
        vm.pathProperty().set(dir.resolve("missing.db").toString());
        assertThat(vm.pathErrorProperty().get()).isEqualTo("No such file.");
        assertThat(vm.validProperty().get()).isFalse();
        Path db = Files.createFile(dir.resolve("shop.db"));
        vm.pathProperty().set(db.toString());
        assertThat(vm.pathErrorProperty().get()).isEmpty();
        assertThat(vm.validProperty().get()).isTrue();
    }

    @Test
    void changingTheEngineMovesTheDefaultPortButKeepsACustomOne() {
        EndpointsViewModel vm = vm();
        vm.add();
        assertThat(vm.portProperty().get()).isEqualTo("5432");
        vm.engineProperty().set(Engine.MYSQL);
        assertThat(vm.portProperty().get()).isEqualTo("3306");
        vm.portProperty().set("13306");
        vm.engineProperty().set(Engine.POSTGRESQL);
        assertThat(vm.portProperty().get()).isEqualTo("13306");
    }

    @Test
    void pastingAUrlFillsTheFormAndPutsThePasswordOnlyInThePasswordField() {
        EndpointsViewModel vm = vm();
        vm.add();
        vm.nameProperty().set("");
        vm.pasteUrl("postgresql://app:s3cr%40t@db.example:6543/sales?sslmode=require&ApplicationName=ferry");
        assertThat(vm.urlErrorProperty().get()).isEmpty();
        assertThat(vm.nameProperty().get()).isEqualTo("sales-2").as("derived from the database, made unique");
        assertThat(vm.engineProperty().get()).isEqualTo(Engine.POSTGRESQL);
        assertThat(vm.hostProperty().get()).isEqualTo("db.example");
        assertThat(vm.portProperty().get()).isEqualTo("6543");
        assertThat(vm.databaseProperty().get()).isEqualTo("sales");
        assertThat(vm.userProperty().get()).isEqualTo("app");
        assertThat(vm.passwordProperty().get()).isEqualTo("s3cr@t");
        assertThat(vm.tlsProperty().get()).isEqualTo(TlsMode.REQUIRE);
        assertThat(vm.properties()).extracting(DriverProperty::key, DriverProperty::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ApplicationName", "ferry"));
        assertThat(vm.statusProperty().get()).contains("its password is in the password field");
    }

    @Test
    void aBadUrlIsExplainedWithoutItsPassword() {
        EndpointsViewModel vm = vm();
        vm.add();
        vm.pasteUrl("postgresql://app:hunter2@db.example:99999/sales");
        assertThat(vm.urlErrorProperty().get()).contains("port 99999 is out of range").doesNotContain("hunter2");
        assertThat(vm.hostProperty().get()).isEqualTo("localhost").as("the form is unchanged");
    }

    @Test
    void savingPutsTheTypedPasswordInTheSecretStoreAndOnlyItsKeyInTheProject() throws Exception {
        EndpointsViewModel vm = vm();
        vm.add();
        vm.pasteUrl("postgresql://app:Sup3r-Secret@db.example:6543/orders");
        vm.save();
        EndpointConfig saved = session.project().endpoint("orders").orElseThrow();
        assertThat(saved.passwordRef()).isEqualTo("ferry/shop/orders");
        assertThat(saved.passwordEnv()).isNull();
        assertThat(store.secrets).containsEntry("ferry/shop/orders", "Sup3r-Secret");
        assertThat(vm.passwordProperty().get()).isEmpty();
        assertThat(vm.passwordHintProperty().get()).contains("ferry/shop/orders");
        assertThat(session.isDirty()).isTrue();
        assertThat(vm.endpoints()).extracting(EndpointConfig::name).containsExactly("sales", "hr", "orders");
        assertThat(ProjectFiles.toJson(session.project())).doesNotContain("Sup3r-Secret").contains("ferry/shop/orders");
        Path file = dir.resolve("shop.ferry.json");
        ProjectFiles.save(session.project(), file);
        assertThat(Files.readString(file)).doesNotContain("Sup3r-Secret");
    }

    @Test
    void savingWithAnEnvironmentVariableStoresNothing() {
        EndpointsViewModel vm = vm();
        vm.select(SALES);
        vm.passwordModeProperty().set(PasswordMode.ENVIRONMENT);
        vm.passwordEnvProperty().set("SALES_PW");
        vm.save();
        EndpointConfig saved = session.project().endpoint("sales").orElseThrow();
        assertThat(saved.passwordEnv()).isEqualTo("SALES_PW");
        assertThat(saved.passwordRef()).isNull();
        assertThat(store.secrets).isEmpty();
    }

    @Test
    void anEmptyPasswordKeepsTheStoredOneAndRenamingKeepsThePosition() {
        EndpointsViewModel vm = vm();
        vm.select(SALES);
        vm.nameProperty().set("sales-eu");
        vm.save();
        assertThat(session.project().endpoints()).extracting(EndpointConfig::name).containsExactly("sales-eu", "hr");
        assertThat(session.project().endpoint("sales-eu").orElseThrow().passwordRef()).isEqualTo("ferry/shop/sales");
        assertThat(store.secrets).isEmpty();
    }

    @Test
    void aSecretStoreFailureKeepsTheEndpointUnsaved() {
        store.failure = new IllegalStateException("No OS keyring and no master password");
        EndpointsViewModel vm = vm();
        vm.select(SALES);
        vm.passwordProperty().set("pw1");
        vm.save();
        assertThat(session.isDirty()).isFalse();
        assertThat(dialogs.shown).singleElement().asString().startsWith("error|Cannot store the password|")
                .contains("No OS keyring").doesNotContain("pw1");
    }

    @Test
    void duplicateAndRemove() {
        store.secrets.put("ferry/shop/sales", "pw");
        EndpointsViewModel vm = vm();
        vm.select(SALES);
        vm.duplicate();
        assertThat(vm.nameProperty().get()).isEqualTo("sales-copy");
        assertThat(vm.isNew()).isTrue();
        vm.save();
        assertThat(session.project().endpoint("sales-copy").orElseThrow().host()).isEqualTo("db.example");
        vm.select(SALES);
        dialogs.confirmAnswer = false;
        vm.remove();
        assertThat(session.project().endpoint("sales")).isPresent();
        dialogs.confirmAnswer = true;
        vm.remove();
        assertThat(session.project().endpoint("sales")).isEmpty();
        assertThat(store.secrets).doesNotContainKey("ferry/shop/sales");
        assertThat(vm.editingProperty().get()).isFalse();
    }

    @Test
    void testConnectionShowsTheOutcomeAndTheReadinessChecks() {
        testing.result = new ConnectionTestResult(ConnectionTestResult.Outcome.OK,
                "Connected to PostgreSQL 16.4 at db.example:5432, database sales as user app in 12 ms.", "PostgreSQL 16.4", Duration.ofMillis(12));
        testing.checks = List.of(ReadinessCheck.pass("pg.wal_level", "WAL level is logical", "wal_level = logical"),
                ReadinessCheck.fail("pg.replication", "User may replicate", "app lacks REPLICATION", "ALTER ROLE app REPLICATION;"));
        store.secrets.put("ferry/shop/sales", "from-store");
        EndpointsViewModel vm = vm();
        vm.select(SALES);
        vm.checkRoleProperty().set(CheckRole.CDC_SOURCE);
        vm.testConnection();
        assertThat(vm.testStateProperty().get()).isEqualTo(TestState.OK);
        assertThat(vm.testMessageProperty().get()).startsWith("Connected to PostgreSQL 16.4");
        assertThat(testing.passwords).containsExactly("from-store");
        assertThat(testing.roles).containsExactly(Role.SOURCE_CDC);
        assertThat(vm.readiness()).extracting(ReadinessCheck::status, ReadinessCheck::fix).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ReadinessCheck.Status.PASS, ""),
                org.assertj.core.groups.Tuple.tuple(ReadinessCheck.Status.FAIL, "ALTER ROLE app REPLICATION;"));
        assertThat(vm.testingProperty().get()).isFalse();
    }

    @Test
    void aTypedPasswordWinsAndAnEnvironmentPasswordIsRead() {
        env.put("HR_PW", "from-env");
        EndpointsViewModel vm = vm();
        vm.select(HR);
        vm.testConnection();
        vm.passwordModeProperty().set(PasswordMode.SECRET_STORE);
        vm.passwordProperty().set("typed");
        vm.testConnection();
        assertThat(testing.passwords).containsExactly("from-env", "typed");
        assertThat(testing.roles).as("connection only: no readiness checks").isEmpty();
    }

    @Test
    void aFailedTestIsClassifiedAndReadinessIsSkipped() {
        testing.result = new ConnectionTestResult(ConnectionTestResult.Outcome.AUTH_FAILED,
                "The PostgreSQL server at db.example:5432 rejected user app for database sales; check the user name and password.", null,
                Duration.ofMillis(5));
        EndpointsViewModel vm = vm();
        vm.select(SALES);
        vm.checkRoleProperty().set(CheckRole.TARGET);
        store.secrets.put("ferry/shop/sales", "wrong");
        vm.testConnection();
        assertThat(vm.testStateProperty().get()).isEqualTo(TestState.FAILED);
        assertThat(vm.testMessageProperty().get()).contains("rejected user app");
        assertThat(vm.readiness()).isEmpty();
        assertThat(testing.roles).isEmpty();
    }

    @Test
    void aMissingStoredPasswordIsReportedWithoutTesting() {
        EndpointsViewModel vm = vm();
        vm.select(SALES);
        vm.testConnection();
        assertThat(vm.testStateProperty().get()).isEqualTo(TestState.FAILED);
        assertThat(vm.testMessageProperty().get()).startsWith("Could not test 'sales': No password for endpoint 'sales'");
        assertThat(testing.tested).isEmpty();
    }

    @Test
    void readinessErrorsAreShownNextToASuccessfulConnection() {
        testing.readinessFailure = new SQLException("permission denied for view pg_replication_slots");
        store.secrets.put("ferry/shop/sales", "pw");
        EndpointsViewModel vm = vm();
        vm.select(SALES);
        vm.checkRoleProperty().set(CheckRole.SOURCE);
        vm.testConnection();
        assertThat(vm.testStateProperty().get()).isEqualTo(TestState.OK);
        assertThat(vm.testMessageProperty().get()).endsWith("The readiness checks could not run: permission denied for view pg_replication_slots");
    }

    @Test
    void aRunningTestShowsProgressAndCanBeCancelled() {
        ManualTaskExecutor manual = new ManualTaskExecutor();
        store.secrets.put("ferry/shop/sales", "pw");
        EndpointsViewModel vm = vm(manual);
        vm.select(SALES);
        vm.testConnection();
        assertThat(vm.testStateProperty().get()).isEqualTo(TestState.RUNNING);
        assertThat(vm.testingProperty().get()).isTrue();
        assertThat(vm.testMessageProperty().get()).isEqualTo("Connecting to PostgreSQL app@db.example:5432/sales...");
        vm.testConnection();
        assertThat(manual.pending()).isEqualTo(1).as("no second test while one runs");
        vm.cancelTest();
        assertThat(vm.testStateProperty().get()).isEqualTo(TestState.CANCELLED);
        assertThat(vm.testingProperty().get()).isFalse();
        manual.runAll();
        assertThat(vm.testStateProperty().get()).isEqualTo(TestState.CANCELLED).as("a late result is dropped");
        assertThat(vm.testMessageProperty().get()).isEqualTo("Test cancelled.");
    }

    @Test
    void anInvalidFormIsNotTested() {
        EndpointsViewModel vm = vm();
        vm.select(SALES);
        vm.hostProperty().set("");
        vm.testConnection();
        assertThat(vm.testStateProperty().get()).isEqualTo(TestState.FAILED);
        assertThat(vm.testMessageProperty().get()).isEqualTo("Fix the fields marked in the form first.");
        assertThat(testing.tested).isEmpty();
    }

    @Test
    void choosingAnotherEndpointDropsARunningTest() {
        ManualTaskExecutor manual = new ManualTaskExecutor();
        store.secrets.put("ferry/shop/sales", "pw");
        EndpointsViewModel vm = vm(manual);
        vm.select(SALES);
        vm.testConnection();
        vm.select(HR);
        assertThat(vm.testingProperty().get()).isFalse();
        assertThat(vm.testStateProperty().get()).isEqualTo(TestState.IDLE);
        manual.runAll();
        assertThat(vm.testStateProperty().get()).as("the result for 'sales' is not shown on 'hr'").isEqualTo(TestState.IDLE);
        assertThat(vm.testMessageProperty().get()).isEmpty();
    }

    @Test
    void unsavedFormEditsAreNotDroppedSilently() {
        EndpointsViewModel vm = vm();
        vm.select(SALES);
        assertThat(vm.hasUnsavedFormChanges()).isFalse();
        vm.hostProperty().set("db2.example");
        assertThat(vm.hasUnsavedFormChanges()).isTrue();
        dialogs.confirmAnswer = false;
        assertThat(vm.select(HR)).isFalse();
        assertThat(dialogs.shown).containsExactly("confirm|Discard changes|The endpoint 'sales' has unsaved changes. Discard them?");
        assertThat(vm.nameProperty().get()).isEqualTo("sales");
        assertThat(vm.hostProperty().get()).isEqualTo("db2.example");
        vm.add();
        assertThat(vm.nameProperty().get()).as("Add is refused too").isEqualTo("sales");
        dialogs.confirmAnswer = true;
        assertThat(vm.select(HR)).isTrue();
        assertThat(vm.nameProperty().get()).isEqualTo("hr");
        assertThat(vm.hasUnsavedFormChanges()).isFalse();
        vm.passwordProperty().set("typed");
        assertThat(vm.hasUnsavedFormChanges()).isTrue();
        vm.passwordProperty().set("");
        vm.passwordModeProperty().set(PasswordMode.SECRET_STORE);
        assertThat(vm.hasUnsavedFormChanges()).as("switching the password source is a change").isTrue();
    }
}
