package dev.ferry.model.project;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.util.Redaction;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and writes project files ({@code docs/project-file.md}).
 *
 * <p>Reading is strict: an unknown field, a wrong type, an invalid value, a task naming a missing endpoint or anything
 * that looks like a password is an error whose message names the file, the JSON path and line:column. A file written by
 * a newer Ferry ({@code formatVersion} above {@link Project#FORMAT_VERSION}) is refused.
 *
 * <p>Writing is atomic: the JSON goes to a temporary file in the same directory, is forced to disk and then moved over
 * the target with {@code ATOMIC_MOVE}, so a crash leaves either the old or the new file, never half of one.
 *
 * <p>Stateless and thread-safe; concurrent saves of the same file are last-writer-wins.
 */
public final class ProjectFiles {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** Property names that hold secrets; such a property is never stored in a project file. */
    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i).*(password|passwd|pwd|secret|token|credential|api[-_]?key|private[-_]?key|passphrase).*");

    private static final List<String> TOP_LEVEL = List.of("formatVersion", "name", "endpoints", "tableMappings", "typeMappings", "tasks");
    private static final List<String> ENDPOINT_FIELDS = List.of("name", "engine", "host", "port", "database", "user",
            "passwordRef", "passwordEnv", "tls", "properties", "connectTimeoutSeconds", "path");
    private static final List<String> TASK_FIELDS = List.of("name", "type", "source", "target", "settings");
    private static final List<String> SETTINGS_FIELDS = List.of("MaxFullLoadSubTasks", "CommitRate", "TargetTablePrepMode",
            "LobMode", "LobMaxSize", "LobChunkSize", "ErrorPolicy", "BatchApplyEnabled", "BatchApplyTimeoutMin",
            "BatchApplyTimeoutMax", "BatchApplyMemoryLimit", "BatchSplitSize", "CdcStartPosition",
            "CdcStopPosition", "ValidationEnabled", "SchemaFrom", "DeferIndexesDuringLoad");
    private static final List<String> ERROR_POLICY_FIELDS = List.of("DataErrorPolicy", "DataTruncationErrorPolicy",
            "TableErrorPolicy", "ApplyErrorDeletePolicy", "ApplyErrorInsertPolicy", "ApplyErrorUpdatePolicy");
    private static final List<String> TYPE_MAPPING_FIELDS = List.of("scope", "schema", "table", "column", "sourceType",
            "length", "precision", "scale", "targetType", "transformations", "typeTransformations");

    /** Writes a project's bytes; replaced in tests to simulate a failure half-way through a save. */
    @FunctionalInterface
    interface ContentWriter {
        void write(Project project, OutputStream out) throws IOException;
    }

    private ProjectFiles() {
    }

    // ---------------------------------------------------------------------------------------------------- loading

    /** Loads and validates a project file. */
    public static Project load(Path file) throws IOException {
        String fileName = file.getFileName().toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ProjectFileException(file + ": no such file");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte-order mark, as some Windows editors write
        }
        return parse(fileName, text);
    }

    /** Parses and validates project-file text; {@code fileName} prefixes every error message. */
    public static Project parse(String fileName, String json) throws ProjectFileException {
        JsonSource src = JsonSource.parse(fileName, json);
        JsonObj root = JsonObj.of(src, src.root, "$", "");
        Integer version = root.integer("formatVersion", 1, Integer.MAX_VALUE, true);
        if (version > Project.FORMAT_VERSION) {
            throw new ProjectFileException(fileName + " was written by a newer Ferry (formatVersion " + version
                    + "; this Ferry reads up to " + Project.FORMAT_VERSION + ")");
        }
        root.allowOnly(TOP_LEVEL);
        String name = root.str("name", true);

        List<EndpointConfig> endpoints = new ArrayList<>();
        Set<String> endpointNames = new LinkedHashSet<>();
        List<JsonObj.Item> eps = root.array("endpoints", false);
        for (JsonObj.Item item : eps == null ? List.<JsonObj.Item>of() : eps) {
            EndpointConfig e = readEndpoint(item.obj());
            if (!endpointNames.add(e.name())) {
                throw item.obj().error("name", "duplicate endpoint name '" + e.name() + "'");
            }
            endpoints.add(e);
        }

        JsonObj tm = root.obj("tableMappings", false);
        TableMappings tableMappings = tm == null ? TableMappings.EMPTY : DmsTableMappings.read(tm);

        List<TypeMappingRule> typeMappings = new ArrayList<>();
        List<JsonObj.Item> tms = root.array("typeMappings", false);
        for (JsonObj.Item item : tms == null ? List.<JsonObj.Item>of() : tms) {
            typeMappings.add(readTypeMapping(item.obj()));
        }

        List<TaskConfig> tasks = new ArrayList<>();
        Set<String> taskNames = new LinkedHashSet<>();
        List<JsonObj.Item> ts = root.array("tasks", false);
        for (JsonObj.Item item : ts == null ? List.<JsonObj.Item>of() : ts) {
            JsonObj t = item.obj();
            TaskConfig task = readTask(t, endpointNames);
            if (!taskNames.add(task.name())) {
                throw t.error("name", "duplicate task name '" + task.name() + "'");
            }
            tasks.add(task);
        }
        return new Project(name, endpoints, tableMappings, typeMappings, tasks);
    }

    private static EndpointConfig readEndpoint(JsonObj o) throws ProjectFileException {
        o.allowOnly(ENDPOINT_FIELDS);
        String name = o.str("name", true);
        Engine engine = o.enumValue("engine", Engine.class, ProjectFiles::engineName, true);
        String host = o.str("host", false);
        Integer port = o.integer("port", 1, 65535, false);
        String path = o.str("path", false);
        if (engine == Engine.SQLITE && path == null) {
            throw o.errorHere("endpoint '" + name + "': a sqlite endpoint needs 'path'");
        }
        if (engine != Engine.SQLITE && host == null) {
            throw o.errorHere("endpoint '" + name + "': missing required field 'host'");
        }
        TlsMode tls = o.enumValue("tls", TlsMode.class, TlsMode::externalName, false);
        Map<String, String> properties = o.stringMap("properties");
        if (properties != null) {
            JsonObj props = o.obj("properties", false);
            for (Map.Entry<String, String> p : properties.entrySet()) {
                if (looksSecret(p.getKey(), p.getValue())) {
                    throw props.error(p.getKey(), "property '" + p.getKey() + "' looks like a secret; a project file never "
                            + "holds passwords (use passwordRef or passwordEnv)");
                }
            }
        }
        for (String field : List.of("host", "database", "user", "path")) {
            String v = o.str(field, false);
            if (v != null && !Redaction.redact(v).equals(v)) {
                throw o.error(field, "contains what looks like a password; a project file never holds passwords "
                        + "(use passwordRef or passwordEnv)");
            }
        }
        return new EndpointConfig(name, engine, host, port, o.str("database", false), o.str("user", false),
                o.str("passwordRef", false), o.str("passwordEnv", false), tls, properties,
                o.integer("connectTimeoutSeconds", 1, 3600, false), path);
    }

    private static TypeMappingRule readTypeMapping(JsonObj o) throws ProjectFileException {
        o.allowOnly(TYPE_MAPPING_FIELDS);
        TypeMappingRule.Scope scope = o.enumValue("scope", TypeMappingRule.Scope.class, DmsNames::of, true);
        String schema = o.str("schema", false);
        String table = o.str("table", false);
        String column = o.str("column", false);
        int depth = scope.ordinal();
        String[] names = {"schema", "table", "column"};
        String[] values = {schema, table, column};
        for (int i = 0; i < 3; i++) {
            if (i < depth && values[i] == null) {
                throw o.errorHere("scope " + DmsNames.of(scope) + " needs '" + names[i] + "'");
            }
            if (i >= depth && values[i] != null) {
                throw o.error(names[i], "not allowed with scope " + DmsNames.of(scope));
            }
        }
        String sourceType = o.str("sourceType", true);
        String targetType = o.str("targetType", false);
        List<TypeMappingRule.TypeTransformation> typeTransformations = new ArrayList<>();
        List<JsonObj.Item> tts = o.array("typeTransformations", false);
        for (JsonObj.Item it : tts == null ? List.<JsonObj.Item>of() : tts) {
            typeTransformations.add(readTypeTransformation(it.obj()));
        }
        if (targetType == null && typeTransformations.isEmpty()) {
            throw o.errorHere("a type mapping rule needs 'targetType' or 'typeTransformations'");
        }
        if (targetType != null && targetType.isBlank()) {
            throw o.error("targetType", "must not be empty");
        }
        List<TypeMappingRule.ValueTransformation> transformations = new ArrayList<>();
        List<JsonObj.Item> items = o.array("transformations", false);
        for (JsonObj.Item it : items == null ? List.<JsonObj.Item>of() : items) {
            String t = it.str();
            Optional<TypeMappingRule.ValueTransformation> vt = java.util.Arrays.stream(TypeMappingRule.ValueTransformation.values())
                    .filter(v -> DmsNames.of(v).equals(t)).findFirst();
            if (vt.isEmpty()) {
                throw it.error("unknown transformation '" + t + "'; expected one of trim, rtrim, empty-to-null, "
                        + "null-to-empty, zero-date-to-null, lowercase, uppercase");
            }
            transformations.add(vt.get());
        }
        return new TypeMappingRule(scope, schema, table, column, sourceType, range(o, "length"), range(o, "precision"),
                range(o, "scale"), targetType, transformations, typeTransformations);
    }

    private static TypeMappingRule.TypeTransformation readTypeTransformation(JsonObj o) throws ProjectFileException {
        o.allowOnly("action", "value", "percent");
        TypeMappingRule.TypeAction action = o.enumValue("action", TypeMappingRule.TypeAction.class, DmsNames::of, true);
        if (action == TypeMappingRule.TypeAction.SCALE_LENGTH) {
            if (o.has("value")) {
                throw o.error("value", "not allowed with scale-length (it takes 'percent')");
            }
            Integer percent = o.integer("percent", 1, 10000, true);
            return TypeMappingRule.TypeTransformation.scaleLength(percent);
        }
        if (o.has("percent")) {
            throw o.error("percent", "only allowed with scale-length");
        }
        String value = o.str("value", true);
        if (value.isEmpty()) {
            throw o.error("value", "must not be empty");
        }
        return TypeMappingRule.TypeTransformation.of(action, value);
    }

    private static TypeMappingRule.Range range(JsonObj o, String key) throws ProjectFileException {
        JsonObj r = o.obj(key, false);
        if (r == null) {
            return null;
        }
        r.allowOnly("min", "max");
        Integer min = r.integer("min", 0, Integer.MAX_VALUE, false);
        Integer max = r.integer("max", 0, Integer.MAX_VALUE, false);
        if (min != null && max != null && min > max) {
            throw r.error("max", "must not be less than min (" + min + ")");
        }
        return new TypeMappingRule.Range(min, max);
    }

    private static TaskConfig readTask(JsonObj o, Set<String> endpointNames) throws ProjectFileException {
        o.allowOnly(TASK_FIELDS);
        String name = o.str("name", true);
        TaskType type = o.enumValue("type", TaskType.class, TaskType::externalName, true);
        String source = o.str("source", true);
        String target = o.str("target", true);
        for (String key : List.of("source", "target")) {
            String ep = key.equals("source") ? source : target;
            if (!endpointNames.contains(ep)) {
                throw o.error(key, "no endpoint named '" + ep + "'" + (endpointNames.isEmpty() ? "; the project has no endpoints"
                        : "; defined endpoints: " + String.join(", ", endpointNames)));
            }
        }
        JsonObj s = o.obj("settings", false);
        return new TaskConfig(name, type, source, target, s == null ? TaskSettings.DEFAULTS : readSettings(s));
    }

    private static TaskSettings readSettings(JsonObj s) throws ProjectFileException {
        s.allowOnly(SETTINGS_FIELDS);
        TaskSettings d = TaskSettings.DEFAULTS;
        Integer subTasks = s.integer("MaxFullLoadSubTasks", 1, 64, false);
        Integer commitRate = s.integer("CommitRate", 1, 100000, false);
        TaskSettings.PrepMode prep = s.enumValue("TargetTablePrepMode", TaskSettings.PrepMode.class, Enum::name, false);
        TaskSettings.LobMode lobMode = s.enumValue("LobMode", TaskSettings.LobMode.class, Enum::name, false);
        Integer lobMaxSize = s.integer("LobMaxSize", 1, 1024 * 1024, false);
        Integer lobChunkSize = s.integer("LobChunkSize", 1, 1024 * 1024, false);
        TaskSettings.ErrorPolicy ep = d.errorPolicy();
        JsonObj e = s.obj("ErrorPolicy", false);
        if (e != null) {
            e.allowOnly(ERROR_POLICY_FIELDS);
            TaskSettings.ErrorPolicy x = TaskSettings.ErrorPolicy.DEFAULTS;
            ep = new TaskSettings.ErrorPolicy(
                    action(e, "DataErrorPolicy", TaskSettings.ErrorPolicy.DATA_ACTIONS, x.dataErrorPolicy()),
                    action(e, "DataTruncationErrorPolicy", TaskSettings.ErrorPolicy.DATA_ACTIONS, x.dataTruncationErrorPolicy()),
                    action(e, "TableErrorPolicy", TaskSettings.ErrorPolicy.TABLE_ACTIONS, x.tableErrorPolicy()),
                    action(e, "ApplyErrorDeletePolicy", TaskSettings.ErrorPolicy.APPLY_DELETE_ACTIONS, x.applyErrorDeletePolicy()),
                    action(e, "ApplyErrorInsertPolicy", TaskSettings.ErrorPolicy.APPLY_INSERT_ACTIONS, x.applyErrorInsertPolicy()),
                    action(e, "ApplyErrorUpdatePolicy", TaskSettings.ErrorPolicy.APPLY_UPDATE_ACTIONS, x.applyErrorUpdatePolicy()));
        }
        Boolean batch = s.bool("BatchApplyEnabled");
        TaskSettings.BatchApplySettings bd = d.batchApply();
        Integer batchMin = s.integer("BatchApplyTimeoutMin", 0, 3600, false);
        Integer batchMax = s.integer("BatchApplyTimeoutMax", 1, 86400, false);
        Integer batchMemory = s.integer("BatchApplyMemoryLimit", 1, 65536, false);
        Integer batchSplit = s.integer("BatchSplitSize", 0, 10_000_000, false);
        int tMin = batchMin == null ? bd.timeoutMinSeconds() : batchMin;
        int tMax = batchMax == null ? bd.timeoutMaxSeconds() : batchMax;
        if (tMax < tMin) {
            throw s.error(batchMax != null ? "BatchApplyTimeoutMax" : "BatchApplyTimeoutMin", "BatchApplyTimeoutMax (" + tMax
                    + " s) must not be less than BatchApplyTimeoutMin (" + tMin + " s)");
        }
        TaskSettings.BatchApplySettings batchTuning = new TaskSettings.BatchApplySettings(tMin, tMax,
                batchMemory == null ? bd.memoryLimitMb() : batchMemory, batchSplit == null ? bd.splitSize() : batchSplit);
        String start = s.str("CdcStartPosition", false);
        String stop = s.str("CdcStopPosition", false);
        if (stop != null && !TaskSettings.STOP_POSITION.matcher(stop).matches()) {
            throw s.error("CdcStopPosition", "must be server_time:yyyy-MM-ddTHH:mm:ss, commit_time:yyyy-MM-ddTHH:mm:ss (UTC),"
                    + " an LSN (16/B374D848), a binlog position (mysql-bin.000042:1337) or seq:<n>");
        }
        Boolean validation = s.bool("ValidationEnabled");
        String schemaFrom = s.str("SchemaFrom", false);
        if (schemaFrom != null && schemaFrom.isBlank()) {
            throw s.error("SchemaFrom", "must name an assessment folder (written by 'ferry assess'), not be empty");
        }
        Boolean defer = s.bool("DeferIndexesDuringLoad");
        return new TaskSettings(
                subTasks == null ? d.maxFullLoadSubTasks() : subTasks,
                commitRate == null ? d.commitRate() : commitRate,
                prep == null ? d.targetTablePrepMode() : prep,
                lobMode == null ? d.lobMode() : lobMode,
                lobMaxSize == null ? d.lobMaxSize() : lobMaxSize,
                lobChunkSize == null ? d.lobChunkSize() : lobChunkSize,
                ep,
                batch == null ? d.batchApplyEnabled() : batch,
                start, stop,
                validation == null ? d.validationEnabled() : validation,
                schemaFrom, batchTuning,
                defer == null ? d.deferIndexesDuringLoad() : defer);
    }

    private static TaskSettings.ErrorAction action(JsonObj o, String key, List<TaskSettings.ErrorAction> allowed,
                                                   TaskSettings.ErrorAction dflt) throws ProjectFileException {
        TaskSettings.ErrorAction a = o.enumValue(key, TaskSettings.ErrorAction.class, Enum::name, false);
        if (a == null) {
            return dflt;
        }
        if (!allowed.contains(a)) {
            throw o.error(key, "must be one of " + String.join(", ", allowed.stream().map(Enum::name).toList())
                    + " (was '" + a.name() + "')");
        }
        return a;
    }

    static String engineName(Engine e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    static boolean looksSecret(String key, String value) {
        return SECRET_KEY.matcher(key).matches() || (value != null && !Redaction.redact(value).equals(value));
    }

    // ---------------------------------------------------------------------------------------------------- saving

    /**
     * Checks what {@link #save} checks without writing: every task names an existing endpoint and no endpoint carries
     * anything that looks like a password.
     *
     * @throws ProjectFileException naming the offending endpoint or task
     */
    public static void validate(Project project, String fileName) throws ProjectFileException {
        Set<String> names = new LinkedHashSet<>();
        for (EndpointConfig e : project.endpoints()) {
            if (!names.add(e.name())) {
                throw new ProjectFileException(fileName + ": duplicate endpoint name '" + e.name() + "'");
            }
            for (Map.Entry<String, String> p : e.properties().entrySet()) {
                if (looksSecret(p.getKey(), p.getValue())) {
                    throw new ProjectFileException(fileName + ": refusing to save: endpoint '" + e.name() + "' property '"
                            + p.getKey() + "' looks like a secret; a project file never holds passwords (use passwordRef or passwordEnv)");
                }
            }
            for (String v : new String[]{e.host(), e.database(), e.user(), e.path()}) {
                if (v != null && !Redaction.redact(v).equals(v)) {
                    throw new ProjectFileException(fileName + ": refusing to save: endpoint '" + e.name()
                            + "' contains what looks like a password; a project file never holds passwords (use passwordRef or passwordEnv)");
                }
            }
        }
        for (TaskConfig t : project.tasks()) {
            for (String ep : List.of(t.source(), t.target())) {
                if (!names.contains(ep)) {
                    throw new ProjectFileException(fileName + ": task '" + t.name() + "' names endpoint '" + ep
                            + "', which the project does not define");
                }
            }
        }
    }

    /** Validates and atomically writes {@code project} to {@code file}. */
    public static void save(Project project, Path file) throws IOException {
        save(project, file, (p, out) -> out.write(toJson(p).getBytes(StandardCharsets.UTF_8)));
    }

    static void save(Project project, Path file, ContentWriter writer) throws IOException {
        Path target = file.toAbsolutePath();
        validate(project, target.getFileName().toString());
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            keepPermissions(target, tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = Channels.newOutputStream(ch);
                writer.write(project, out);
                out.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            fsyncDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A temporary file is created owner-only; give it the old file's permissions, or rw-r--r-- for a new file. */
    private static void keepPermissions(Path target, Path tmp) {
        try {
            if (!Files.getFileStore(tmp).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
                return;
            }
            Set<java.nio.file.attribute.PosixFilePermission> perms = Files.exists(target)
                    ? Files.getPosixFilePermissions(target)
                    : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
            Files.setPosixFilePermissions(tmp, perms);
        } catch (IOException | UnsupportedOperationException e) {
            // keep the temporary file's default permissions
        }
    }

    private static void fsyncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a directory; the move itself is durable enough there
        }
    }

    /** The project-file JSON for {@code project}, pretty-printed, ending with a newline. */
    public static String toJson(Project project) {
        ObjectNode root = F.objectNode();
        root.put("formatVersion", Project.FORMAT_VERSION);
        root.put("name", project.name());
        ArrayNode eps = root.putArray("endpoints");
        for (EndpointConfig e : project.endpoints()) {
            ObjectNode o = eps.addObject();
            o.put("name", e.name());
            o.put("engine", engineName(e.engine()));
            putIfSet(o, "host", e.host());
            if (e.port() != null) {
                o.put("port", e.port());
            }
            putIfSet(o, "database", e.database());
            putIfSet(o, "user", e.user());
            putIfSet(o, "passwordRef", e.passwordRef());
            putIfSet(o, "passwordEnv", e.passwordEnv());
            o.put("tls", e.tls().externalName());
            if (!e.properties().isEmpty()) {
                ObjectNode props = o.putObject("properties");
                e.properties().forEach(props::put);
            }
            if (e.connectTimeoutSeconds() != null) {
                o.put("connectTimeoutSeconds", e.connectTimeoutSeconds());
            }
            putIfSet(o, "path", e.path());
        }
        root.set("tableMappings", DmsTableMappings.toTree(project.tableMappings()));
        ArrayNode tms = root.putArray("typeMappings");
        for (TypeMappingRule r : project.typeMappings()) {
            ObjectNode o = tms.addObject();
            o.put("scope", DmsNames.of(r.scope()));
            putIfSet(o, "schema", r.schema());
            putIfSet(o, "table", r.table());
            putIfSet(o, "column", r.column());
            o.put("sourceType", r.sourceType());
            putRange(o, "length", r.length());
            putRange(o, "precision", r.precision());
            putRange(o, "scale", r.scale());
            putIfSet(o, "targetType", r.targetType());
            if (!r.transformations().isEmpty()) {
                ArrayNode a = o.putArray("transformations");
                r.transformations().forEach(t -> a.add(DmsNames.of(t)));
            }
            if (!r.typeTransformations().isEmpty()) {
                ArrayNode a = o.putArray("typeTransformations");
                for (TypeMappingRule.TypeTransformation t : r.typeTransformations()) {
                    ObjectNode to = a.addObject();
                    to.put("action", DmsNames.of(t.action()));
                    putIfSet(to, "value", t.value());
                    if (t.percent() != null) {
                        to.put("percent", t.percent());
                    }
                }
            }
        }
        ArrayNode tasks = root.putArray("tasks");
        for (TaskConfig t : project.tasks()) {
            ObjectNode o = tasks.addObject();
            o.put("name", t.name());
            o.put("type", t.type().externalName());
            o.put("source", t.source());
            o.put("target", t.target());
            TaskSettings s = t.settings();
            ObjectNode so = o.putObject("settings");
            so.put("MaxFullLoadSubTasks", s.maxFullLoadSubTasks());
            so.put("CommitRate", s.commitRate());
            so.put("TargetTablePrepMode", s.targetTablePrepMode().name());
            so.put("LobMode", s.lobMode().name());
            so.put("LobMaxSize", s.lobMaxSize());
            so.put("LobChunkSize", s.lobChunkSize());
            ObjectNode ep = so.putObject("ErrorPolicy");
            TaskSettings.ErrorPolicy p = s.errorPolicy();
            ep.put("DataErrorPolicy", p.dataErrorPolicy().name());
            ep.put("DataTruncationErrorPolicy", p.dataTruncationErrorPolicy().name());
            ep.put("TableErrorPolicy", p.tableErrorPolicy().name());
            ep.put("ApplyErrorDeletePolicy", p.applyErrorDeletePolicy().name());
            ep.put("ApplyErrorInsertPolicy", p.applyErrorInsertPolicy().name());
            ep.put("ApplyErrorUpdatePolicy", p.applyErrorUpdatePolicy().name());
            so.put("BatchApplyEnabled", s.batchApplyEnabled());
            so.put("BatchApplyTimeoutMin", s.batchApply().timeoutMinSeconds());
            so.put("BatchApplyTimeoutMax", s.batchApply().timeoutMaxSeconds());
            so.put("BatchApplyMemoryLimit", s.batchApply().memoryLimitMb());
            so.put("BatchSplitSize", s.batchApply().splitSize());
            putIfSet(so, "CdcStartPosition", s.cdcStartPosition());
            putIfSet(so, "CdcStopPosition", s.cdcStopPosition());
            so.put("ValidationEnabled", s.validationEnabled());
            putIfSet(so, "SchemaFrom", s.schemaFrom());
            if (s.deferIndexesDuringLoad() != TaskSettings.DEFAULTS.deferIndexesDuringLoad()) {
                so.put("DeferIndexesDuringLoad", s.deferIndexesDuringLoad());
            }
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putIfSet(ObjectNode o, String key, String value) {
        if (value != null) {
            o.put(key, value);
        }
    }

    private static void putRange(ObjectNode o, String key, TypeMappingRule.Range r) {
        if (r != null) {
            ObjectNode n = o.putObject(key);
            if (r.min() != null) {
                n.put("min", r.min());
            }
            if (r.max() != null) {
                n.put("max", r.max());
            }
        }
    }
}
