package dev.ferry.model.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.model.schema.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectFilesTest {

    @TempDir
    Path dir;

    static Project sampleProject() {
        EndpointConfig src = new EndpointConfig("src", Engine.ORACLE, "ora.example.com", 1521, "ORCLPDB1", "HR",
                "ferry/src", null, TlsMode.REQUIRE, Map.of("oracle.net.CONNECT_TIMEOUT", "5000"), 20, null);
        EndpointConfig tgt = new EndpointConfig("tgt", Engine.POSTGRESQL, "localhost", null, "hr", "ferry",
                null, "PGPASSWORD_TGT", TlsMode.VERIFY_FULL, Map.of(), null, null);
        EndpointConfig lite = new EndpointConfig("lite", Engine.SQLITE, null, null, null, null, null, null, null, null, null, "/data/x.db");
        TableMappings mappings = new TableMappings(List.of(
                SelectionRule.include("1", "HR", "%"),
                new TransformationRule("2", "lower", TransformationRule.Target.TABLE, ObjectLocator.table("HR", "%"),
                        TransformationRule.Action.CONVERT_LOWERCASE, null, null, null, null, null, null, Set.of()),
                new TableSettingsRule("3", "lob", ObjectLocator.table("HR", "DOCS"), null,
                        new TableSettingsRule.LobSettings(TableSettingsRule.LobMode.LIMITED, new DmsInteger(16, true)), Set.of())));
        List<TypeMappingRule> types = List.of(
                new TypeMappingRule(TypeMappingRule.Scope.PROJECT, null, null, null, "number", null,
                        new TypeMappingRule.Range(1, 9), new TypeMappingRule.Range(null, 0), "integer", List.of()),
                new TypeMappingRule(TypeMappingRule.Scope.COLUMN, "HR", "EMPLOYEES", "ACTIVE", "char",
                        new TypeMappingRule.Range(1, 1), null, null, "boolean", List.of(TypeMappingRule.ValueTransformation.TRIM)),
                new TypeMappingRule(TypeMappingRule.Scope.TABLE, "HR", "JOBS", null, "varchar2", null, null, null, null, List.of(),
                        List.of(TypeMappingRule.TypeTransformation.scaleLength(200),
                                TypeMappingRule.TypeTransformation.of(TypeMappingRule.TypeAction.REMOVE_PREFIX, "n"))));
        TaskSettings settings = new TaskSettings(4, 20000, TaskSettings.PrepMode.TRUNCATE_BEFORE_LOAD, TaskSettings.LobMode.FULL,
                32, 128, new TaskSettings.ErrorPolicy(TaskSettings.ErrorAction.STOP_TASK, TaskSettings.ErrorAction.LOG_ERROR,
                TaskSettings.ErrorAction.SUSPEND_TABLE, TaskSettings.ErrorAction.IGNORE_RECORD,
                TaskSettings.ErrorAction.INSERT_RECORD, TaskSettings.ErrorAction.LOG_ERROR), true,
                "0/16B3748", "server_time:2026-12-31T23:00:00", true, "hr-assessment",
                new TaskSettings.BatchApplySettings(2, 60, 256, 5000));
        List<TaskConfig> tasks = List.of(
                new TaskConfig("full", TaskType.FULL_LOAD, "src", "tgt", null),
                new TaskConfig("cdc", TaskType.FULL_LOAD_AND_CDC, "src", "tgt", settings));
        return new Project("hr", List.of(src, tgt, lite), mappings, types, tasks);
    }

    @Test
    void savedProjectLoadsBackEqual() throws IOException {
        Project p = sampleProject();
        Path file = dir.resolve("hr.ferry.json");
        ProjectFiles.save(p, file);
        Project loaded = ProjectFiles.load(file);
        assertThat(loaded).isEqualTo(p);
        assertThat(loaded.task("full").orElseThrow().settings()).isEqualTo(TaskSettings.DEFAULTS);
        // saving what was loaded writes the same bytes
        Path again = dir.resolve("again.ferry.json");
        ProjectFiles.save(loaded, again);
        assertThat(Files.readString(again)).isEqualTo(Files.readString(file));
        String text = Files.readString(file);
        assertThat(text).contains("\"engine\" : \"oracle\"", "\"tls\" : \"verify-full\"", "\"type\" : \"full-load-and-cdc\"",
                "\"MaxFullLoadSubTasks\" : 4", "\"bulk-max-size\" : \"16\"");
    }

    private static final String BASE = """
            {
              "formatVersion": 1,
              "name": "p",
              "endpoints": [
                {"name": "src", "engine": "sqlite", "path": "a.db"},
                {"name": "tgt", "engine": "postgresql", "host": "localhost", "port": 5432}
              ],
              "tableMappings": {"rules": [
                {"rule-type": "selection", "rule-id": "1", "rule-name": "all",
                 "object-locator": {"schema-name": "%", "table-name": "%"}, "rule-action": "include"}
              ]},
              "tasks": [
                {"name": "t", "type": "full-load", "source": "src", "target": "tgt",
                 "settings": {"MaxFullLoadSubTasks": 8}}
              ]
            }
            """;

    private static String fill(String template, String items) {
        return template.replace("@@", items);
    }

    @Test
    void typeTransformationsAreReadStrictly() throws IOException {
        String rule = "{\"scope\": \"project\", \"sourceType\": \"varchar2\", \"typeTransformations\": [@@]}";
        String base = BASE.replace("\"tasks\"", "\"typeMappings\": [" + rule + "],\n  \"tasks\"");
        Project ok = ProjectFiles.parse("p.json", fill(base, "{\"action\": \"scale-length\", \"percent\": 150},"
                + " {\"action\": \"add-suffix\", \"value\": \"tz\"}"));
        assertThat(ok.typeMappings().get(0).targetType()).isNull();
        assertThat(ok.typeMappings().get(0).typeTransformations()).containsExactly(
                TypeMappingRule.TypeTransformation.scaleLength(150),
                TypeMappingRule.TypeTransformation.of(TypeMappingRule.TypeAction.ADD_SUFFIX, "tz"));
        assertThat(ProjectFiles.parse("p.json", ProjectFiles.toJson(ok)).typeMappings()).isEqualTo(ok.typeMappings());
        assertThatThrownBy(() -> ProjectFiles.parse("p.json", fill(base, "{\"action\": \"scale-length\"}")))
                .hasMessageContaining("$.typeMappings[0].typeTransformations[0] (line 12").hasMessageContaining("missing required field 'percent'");
        assertThatThrownBy(() -> ProjectFiles.parse("p.json", fill(base, "{\"action\": \"add-prefix\", \"percent\": 5}")))
                .hasMessageContaining("percent").hasMessageContaining("only allowed with scale-length");
        assertThatThrownBy(() -> ProjectFiles.parse("p.json", fill(base, "{\"action\": \"shrink\"}")))
                .hasMessageContaining("$.typeMappings[0].typeTransformations[0].action").hasMessageContaining("scale-length");
        assertThatThrownBy(() -> ProjectFiles.parse("p.json", BASE.replace("\"tasks\"",
                "\"typeMappings\": [{\"scope\": \"project\", \"sourceType\": \"date\"}],\n  \"tasks\"")))
                .hasMessageContaining("$.typeMappings[0]").hasMessageContaining("needs 'targetType' or 'typeTransformations'");
    }

    @Test
    void batchApplyTuningUsesTheDmsNamesAndDefaults() throws IOException {
        Project p = ProjectFiles.parse("p.json", BASE.replace("\"MaxFullLoadSubTasks\": 8", "\"BatchApplyEnabled\": true,"
                + " \"BatchApplyTimeoutMin\": 0, \"BatchApplyTimeoutMax\": 5, \"BatchApplyMemoryLimit\": 64, \"BatchSplitSize\": 1000"));
        TaskSettings s = p.tasks().get(0).settings();
        assertThat(s.batchApplyEnabled()).isTrue();
        assertThat(s.batchApply()).isEqualTo(new TaskSettings.BatchApplySettings(0, 5, 64, 1000));
        assertThat(ProjectFiles.parse("p.json", BASE).tasks().get(0).settings().batchApply())
                .as("DMS defaults: 1 s, 30 s, 500 MB, no split size").isEqualTo(new TaskSettings.BatchApplySettings(1, 30, 500, 0));
        assertThat(ProjectFiles.toJson(p)).contains("\"BatchApplyTimeoutMin\" : 0", "\"BatchApplyTimeoutMax\" : 5",
                "\"BatchApplyMemoryLimit\" : 64", "\"BatchSplitSize\" : 1000");
    }

    @Test
    void deferIndexesDuringLoadRoundTripsAndIsWrittenOnlyWhenOff() throws IOException {
        assertThat(ProjectFiles.parse("p.json", BASE).tasks().get(0).settings().deferIndexesDuringLoad()).as("default").isTrue();
        Project off = ProjectFiles.parse("p.json", BASE.replace("\"MaxFullLoadSubTasks\": 8",
                "\"MaxFullLoadSubTasks\": 8, \"DeferIndexesDuringLoad\": false"));
        TaskSettings s = off.tasks().get(0).settings();
        assertThat(s).isEqualTo(TaskSettings.DEFAULTS.withDeferIndexesDuringLoad(false));
        String json = ProjectFiles.toJson(off);
        assertThat(json).contains("\"DeferIndexesDuringLoad\" : false");
        assertThat(ProjectFiles.parse("p.json", json)).isEqualTo(off);
        Project on = ProjectFiles.parse("p.json", BASE.replace("\"MaxFullLoadSubTasks\": 8",
                "\"MaxFullLoadSubTasks\": 8, \"DeferIndexesDuringLoad\": true"));
        assertThat(on.tasks().get(0).settings().deferIndexesDuringLoad()).isTrue();
        assertThat(ProjectFiles.toJson(on)).as("the default is not written").doesNotContain("DeferIndexesDuringLoad");
        assertThatThrownBy(() -> ProjectFiles.parse("p.json", BASE.replace("\"MaxFullLoadSubTasks\": 8",
                "\"MaxFullLoadSubTasks\": 8, \"DeferIndexesDuringLoad\": \"no\"")))
                .isInstanceOf(ProjectFileException.class)
                .hasMessageContaining("$.tasks[0].settings.DeferIndexesDuringLoad")
                .hasMessageContaining("must be true or false");
    }

    @Test
    void schemaFromIsReadRelativeAndAnEmptyOneIsRefused() throws IOException {
        Project p = ProjectFiles.parse("p.json", BASE.replace("\"MaxFullLoadSubTasks\": 8", "\"MaxFullLoadSubTasks\": 8, \"SchemaFrom\": \"out/hr\""));
        assertThat(p.tasks().get(0).settings().schemaFrom()).isEqualTo("out/hr");
        assertThat(ProjectFiles.parse("p.json", BASE).tasks().get(0).settings().schemaFrom()).isNull();
        assertThatThrownBy(() -> ProjectFiles.parse("p.json", BASE.replace("\"MaxFullLoadSubTasks\": 8",
                "\"MaxFullLoadSubTasks\": 8, \"SchemaFrom\": \" \"")))
                .isInstanceOf(ProjectFileException.class)
                .hasMessageContaining("$.tasks[0].settings.SchemaFrom")
                .hasMessageContaining("must name an assessment folder");
    }

    @Test
    void baseDocumentIsValid() throws IOException {
        Project p = ProjectFiles.parse("p.json", BASE);
        assertThat(p.endpoints()).extracting(EndpointConfig::name).containsExactly("src", "tgt");
        assertThat(p.tasks().get(0).settings().maxFullLoadSubTasks()).isEqualTo(8);
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of("unknown top-level field", BASE.replace("\"name\": \"p\"", "\"nmae\": \"p\""),
                        "p.json: $.nmae (line 3, column 3): unknown field; expected one of: formatVersion, name, endpoints, tableMappings, typeMappings, tasks"),
                Arguments.of("unknown setting", BASE.replace("\"MaxFullLoadSubTasks\": 8", "\"MaxFullLoadSubtasks\": 8"),
                        "p.json: $.tasks[0].settings.MaxFullLoadSubtasks (line 14, column 19): unknown field; expected one of: "
                                + "MaxFullLoadSubTasks, CommitRate, TargetTablePrepMode, LobMode, LobMaxSize, LobChunkSize, ErrorPolicy, "
                                + "BatchApplyEnabled, BatchApplyTimeoutMin, BatchApplyTimeoutMax, BatchApplyMemoryLimit, BatchSplitSize, "
                                + "CdcStartPosition, CdcStopPosition, ValidationEnabled, SchemaFrom, DeferIndexesDuringLoad"),
                Arguments.of("batch split size out of range", BASE.replace("\"MaxFullLoadSubTasks\": 8", "\"BatchSplitSize\": -1"),
                        "p.json: $.tasks[0].settings.BatchSplitSize (line 14, column 37): must be an integer between 0 and 10000000"),
                Arguments.of("batch timeouts the wrong way round", BASE.replace("\"MaxFullLoadSubTasks\": 8",
                                "\"BatchApplyTimeoutMin\": 20, \"BatchApplyTimeoutMax\": 10"),
                        "p.json: $.tasks[0].settings.BatchApplyTimeoutMax (line 14, column 71): BatchApplyTimeoutMax (10 s) must not be"
                                + " less than BatchApplyTimeoutMin (20 s)"),
                Arguments.of("setting out of range", BASE.replace("\"MaxFullLoadSubTasks\": 8", "\"MaxFullLoadSubTasks\": 100"),
                        "p.json: $.tasks[0].settings.MaxFullLoadSubTasks (line 14, column 42): must be an integer between 1 and 64"),
                Arguments.of("wrong type", BASE.replace("\"port\": 5432", "\"port\": \"5432\""),
                        "p.json: $.endpoints[1].port (line 6, column 74): must be an integer between 1 and 65535"),
                Arguments.of("bad enum", BASE.replace("\"engine\": \"postgresql\"", "\"engine\": \"postgres\""),
                        "p.json: $.endpoints[1].engine (line 6, column 31): must be one of postgresql, mysql, oracle, sqlite (was 'postgres')"),
                Arguments.of("bad task type", BASE.replace("\"full-load\"", "\"full_load\""),
                        "p.json: $.tasks[0].type (line 13, column 27): must be one of full-load, full-load-and-cdc, cdc (was 'full_load')"),
                Arguments.of("newer formatVersion", BASE.replace("\"formatVersion\": 1", "\"formatVersion\": 3"),
                        "p.json was written by a newer Ferry (formatVersion 3; this Ferry reads up to 1)"),
                Arguments.of("unknown rule-type", BASE.replace("\"rule-type\": \"selection\"", "\"rule-type\": \"mapping\""),
                        "p.json: $.tableMappings.rules[0].rule-type (line 9, column 19): unknown rule-type 'mapping'; expected "
                                + "selection, transformation or table-settings (rule-id 1)"),
                Arguments.of("locator without table-name", BASE.replace(", \"table-name\": \"%\"", ""),
                        "p.json: $.tableMappings.rules[0].object-locator (line 10, column 24): malformed object-locator: missing 'table-name' (rule-id 1)"),
                Arguments.of("locator with unknown key", BASE.replace("\"table-name\": \"%\"", "\"table\": \"%\""),
                        "p.json: $.tableMappings.rules[0].object-locator.table (line 10, column 45): malformed object-locator: "
                                + "unknown field 'table' (rule-id 1); expected one of: schema-name, table-name, table-type"),
                Arguments.of("missing endpoint", BASE.replace("\"target\": \"tgt\"", "\"target\": \"pg\""),
                        "p.json: $.tasks[0].target (line 13, column 67): no endpoint named 'pg'; defined endpoints: src, tgt"),
                Arguments.of("password property", BASE.replace("\"port\": 5432", "\"port\": 5432, \"properties\": {\"password\": \"hunter2\"}"),
                        "p.json: $.endpoints[1].properties.password (line 6, column 107): property 'password' looks like a secret; "
                                + "a project file never holds passwords (use passwordRef or passwordEnv)"),
                Arguments.of("missing required field", BASE.replace("\"source\": \"src\", ", ""),
                        "p.json: $.tasks[0] (line 13, column 5): missing required field 'source'"),
                Arguments.of("malformed JSON", BASE.replace("\"name\": \"p\",", "\"name\": \"p\""),
                        "p.json (line 4, column 3): malformed JSON: Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries"),
                Arguments.of("duplicate key", BASE.replace("\"name\": \"p\"", "\"name\": \"p\", \"name\": \"q\""),
                        "p.json (line 3, column 22): malformed JSON: Duplicate field 'name'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputIsRejectedWithExactMessage(String what, String json, String expected) {
        assertThatThrownBy(() -> ProjectFiles.parse("p.json", json))
                .isInstanceOf(ProjectFileException.class)
                .hasMessage(expected);
    }

    @Test
    void aNewerFormatVersionIsReportedBeforeFieldsThisFerryDoesNotKnow() {
        String json = BASE.replace("\"formatVersion\": 1", "\"formatVersion\": 2, \"workspaces\": []");
        assertThatThrownBy(() -> ProjectFiles.parse("p.json", json))
                .hasMessage("p.json was written by a newer Ferry (formatVersion 2; this Ferry reads up to 1)");
    }

    @Test
    void savingKeepsTheExistingFilesPermissions() throws IOException {
        Path file = dir.resolve("p.ferry.json");
        ProjectFiles.save(Project.empty("old"), file);
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.getFileStore(file)
                .supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class));
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw----"));
        ProjectFiles.save(sampleProject(), file);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-rw----");
    }

    @Test
    void aByteOrderMarkIsAccepted() throws IOException {
        Path file = dir.resolve("bom.json");
        Files.writeString(file, "\uFEFF" + BASE);
        assertThat(ProjectFiles.load(file).name()).isEqualTo("p");
    }

    @Test
    void withEndpointAndWithTaskReplaceByNameOrAppend() {
        Project p = sampleProject();
        EndpointConfig moved = p.endpoint("tgt").orElseThrow().withName("tgt");
        EndpointConfig other = new EndpointConfig("tgt", Engine.MYSQL, "mysql.local", 3307, "hr", "u", null, null, null, null, null, null);
        Project replaced = p.withEndpoint(other);
        assertThat(replaced.endpoints()).extracting(EndpointConfig::name).containsExactly("src", "tgt", "lite");
        assertThat(replaced.endpoint("tgt")).contains(other);
        assertThat(p.endpoint("tgt")).contains(moved);
        Project added = p.withTask(new TaskConfig("cdc-only", TaskType.CDC, "src", "lite", null));
        assertThat(added.tasks()).extracting(TaskConfig::name).containsExactly("full", "cdc", "cdc-only");
        assertThat(added.withTask(new TaskConfig("full", TaskType.CDC, "src", "tgt", null)).task("full").orElseThrow().type())
                .isEqualTo(TaskType.CDC);
    }

    @Test
    void loadNamesTheFileAndPathAndLocation() throws IOException {
        Path file = dir.resolve("p.json");
        Files.writeString(file, BASE.replace("\"MaxFullLoadSubTasks\": 8", "\"MaxFullLoadSubTasks\": 0"));
        assertThatThrownBy(() -> ProjectFiles.load(file))
                .isInstanceOfSatisfying(ProjectFileException.class, e -> {
                    assertThat(e.jsonPath()).isEqualTo("$.tasks[0].settings.MaxFullLoadSubTasks");
                    assertThat(e.line()).isEqualTo(14);
                    assertThat(e.column()).isEqualTo(42);
                })
                .hasMessage("p.json: $.tasks[0].settings.MaxFullLoadSubTasks (line 14, column 42): must be an integer between 1 and 64");
    }

    @Test
    void secretValuesAreNeverEchoed() {
        String json = BASE.replace("\"host\": \"localhost\"", "\"host\": \"jdbc:postgresql://u:hunter2@localhost/db\"");
        assertThatThrownBy(() -> ProjectFiles.parse("p.json", json))
                .hasMessageContaining("$.endpoints[1].host")
                .hasMessageContaining("looks like a password")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void saveOverExistingFileReplacesItAndLeavesNoTempFiles() throws IOException {
        Path file = dir.resolve("p.ferry.json");
        ProjectFiles.save(Project.empty("old"), file);
        Project p = sampleProject();
        ProjectFiles.save(p, file);
        assertThat(Files.readString(file)).isEqualTo(ProjectFiles.toJson(p));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("p.ferry.json");
        }
    }

    @Test
    void failureDuringWriteLeavesTheOldFileIntact() throws IOException {
        Path file = dir.resolve("p.ferry.json");
        ProjectFiles.save(Project.empty("old"), file);
        String before = Files.readString(file);
        ProjectFiles.ContentWriter failing = (project, out) -> {
            out.write(ProjectFiles.toJson(project).substring(0, 40).getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        };
        assertThatThrownBy(() -> ProjectFiles.save(sampleProject(), file, failing)).hasMessage("disk full");
        assertThat(Files.readString(file)).isEqualTo(before);
        assertThat(ProjectFiles.load(file).name()).isEqualTo("old");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("p.ferry.json");
        }
    }

    @Test
    void saveRefusesAnEndpointCarryingAPassword() {
        EndpointConfig leaky = new EndpointConfig("tgt", Engine.POSTGRESQL, "localhost", null, "db", "u", null, null, null,
                Map.of("password", "hunter2"), null, null);
        Project p = new Project("p", List.of(leaky), null, null, null);
        Path file = dir.resolve("p.ferry.json");
        assertThatThrownBy(() -> ProjectFiles.save(p, file))
                .isInstanceOf(ProjectFileException.class)
                .hasMessage("p.ferry.json: refusing to save: endpoint 'tgt' property 'password' looks like a secret; "
                        + "a project file never holds passwords (use passwordRef or passwordEnv)");
        assertThat(file).doesNotExist();
    }

    @Test
    void saveRefusesATaskWithAMissingEndpoint() {
        Project p = new Project("p", List.of(), null, null, List.of(new TaskConfig("t", TaskType.CDC, "a", "b", null)));
        assertThatThrownBy(() -> ProjectFiles.save(p, dir.resolve("p.json")))
                .hasMessage("p.json: task 't' names endpoint 'a', which the project does not define");
    }

    @Test
    void dmsImportThenExportIsTheSameJsonTree() throws IOException {
        String json;
        try (InputStream in = getClass().getResourceAsStream("dms-table-mappings.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        TableMappings mappings = DmsTableMappings.parse("dms-table-mappings.json", json);
        JsonNode original = new ObjectMapper().readTree(json);
        JsonNode exported = new ObjectMapper().readTree(DmsTableMappings.toJson(mappings));
        assertThat(exported).isEqualTo(original);

        assertThat(mappings.rules()).hasSize(19);
        TransformationRule salary = (TransformationRule) mappings.rules().get(13);
        assertThat(salary.ruleAction()).isEqualTo(TransformationRule.Action.CHANGE_DATA_TYPE);
        assertThat(salary.dataType()).isEqualTo(new TransformationRule.DataType("numeric", new DmsInteger(12, true),
                new DmsInteger(2, true), null));
        SelectionRule orders = (SelectionRule) mappings.rules().get(2);
        assertThat(orders.filters().get(0).filterConditions().get(0))
                .isEqualTo(new SelectionRule.Condition(SelectionRule.Operator.BETWEEN, null, "2023-01-01", "2023-12-31"));
        TableSettingsRule ranges = (TableSettingsRule) mappings.rules().get(16);
        assertThat(ranges.parallelLoad().boundaries()).containsExactly(List.of("10000", "5"), List.of("20000", "10"), List.of("30000"));
        assertThat(mappings.rules().get(4).explicitNulls()).containsExactlyInAnyOrder("value", "old-value");

        // export -> import gives equal records too
        assertThat(DmsTableMappings.parse("again.json", DmsTableMappings.toJson(mappings))).isEqualTo(mappings);
    }

    @Test
    void dmsRulesAreValidatedWithTheRuleId() {
        String missingValue = """
                {"rules": [{"rule-type": "transformation", "rule-id": "7", "rule-name": "r", "rule-target": "schema",
                  "object-locator": {"schema-name": "HR"}, "rule-action": "rename"}]}
                """;
        assertThatThrownBy(() -> DmsTableMappings.parse("m.json", missingValue))
                .hasMessage("m.json: $.rules[0] (line 1, column 12): missing required field 'value' (rule-id 7)");
        String wrongTarget = """
                {"rules": [{"rule-type": "transformation", "rule-id": "8", "rule-name": "r", "rule-target": "table",
                  "object-locator": {"schema-name": "HR", "table-name": "T"}, "rule-action": "remove-column"}]}
                """;
        assertThatThrownBy(() -> DmsTableMappings.parse("m.json", wrongTarget))
                .hasMessage("m.json: $.rules[0].rule-target (line 1, column 93): rule-action remove-column needs rule-target column (was table) (rule-id 8)");
        String unknownKey = """
                {"rules": [{"rule-type": "selection", "rule-id": "9", "rule-name": "r", "rule-action": "include",
                  "object-locator": {"schema-name": "HR", "table-name": "T"}, "shard": 1}]}
                """;
        assertThatThrownBy(() -> DmsTableMappings.parse("m.json", unknownKey))
                .hasMessageStartingWith("m.json: $.rules[0].shard (line 2, column 63): unknown field (rule-id 9); expected one of: rule-type");
        String duplicateId = """
                {"rules": [{"rule-type": "selection", "rule-id": "1", "rule-name": "a", "rule-action": "include",
                  "object-locator": {"schema-name": "A", "table-name": "%"}},
                 {"rule-type": "selection", "rule-id": "1", "rule-name": "b", "rule-action": "include",
                  "object-locator": {"schema-name": "B", "table-name": "%"}}]}
                """;
        assertThatThrownBy(() -> DmsTableMappings.parse("m.json", duplicateId))
                .hasMessage("m.json: $.rules[1].rule-id (line 3, column 40): duplicate rule-id 1 (rule-id 1)");
    }

    @Test
    void objectLocatorWildcardsMatchLikeDms() {
        assertThat(ObjectLocator.matches("AUDIT_%", "AUDIT_LOG")).isTrue();
        assertThat(ObjectLocator.matches("AUDIT_%", "AUDIT")).isFalse();
        assertThat(ObjectLocator.matches("AUDIT_LOG", "AUDITXLOG")).isTrue();
        assertThat(ObjectLocator.matches("%", "x")).isTrue();
        assertThat(ObjectLocator.matches("A.B", "AxB")).isFalse();
    }

    @Test
    void theMostSpecificTypeMappingWins() {
        TypeMappingRule project = new TypeMappingRule(TypeMappingRule.Scope.PROJECT, null, null, null, "number", null,
                null, new TypeMappingRule.Range(null, 0), "bigint", List.of());
        TypeMappingRule projectLater = new TypeMappingRule(TypeMappingRule.Scope.PROJECT, null, null, null, "number", null,
                null, null, "numeric", List.of());
        TypeMappingRule schema = new TypeMappingRule(TypeMappingRule.Scope.SCHEMA, "HR", null, null, "number", null,
                new TypeMappingRule.Range(1, 9), new TypeMappingRule.Range(0, 0), "integer", List.of());
        TypeMappingRule column = new TypeMappingRule(TypeMappingRule.Scope.COLUMN, "HR", "EMP%", "ACTIVE", "number", null,
                null, null, "boolean", List.of());
        List<TypeMappingRule> rules = List.of(project, projectLater, schema, column);
        assertThat(TypeMappingRule.resolve(rules, "HR", "EMPLOYEES", "ACTIVE", "NUMBER", null, 1, 0)).contains(column);
        assertThat(TypeMappingRule.resolve(rules, "HR", "EMPLOYEES", "SALARY", "number", null, 8, 0)).contains(schema);
        assertThat(TypeMappingRule.resolve(rules, "HR", "EMPLOYEES", "SALARY", "number", null, 12, 0)).contains(project);
        assertThat(TypeMappingRule.resolve(rules, "CO", "ORDERS", "TOTAL", "number", null, 12, 2)).contains(projectLater);
        assertThat(TypeMappingRule.resolve(rules, "CO", "ORDERS", "NOTE", "varchar2", 200, null, null)).isEmpty();
    }

    @Test
    void typeMappingRuleMatchesRanges() {
        TypeMappingRule r = sampleProject().typeMappings().get(0);
        assertThat(r.matches("NUMBER", null, 5, 0)).isTrue();
        assertThat(r.matches("number", null, 12, 0)).isFalse();
        assertThat(r.matches("number", null, 5, 2)).isFalse();
        assertThat(r.matches("varchar2", null, 5, 0)).isFalse();
    }
}
