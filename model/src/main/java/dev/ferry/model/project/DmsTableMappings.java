package dev.ferry.model.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads and writes table mappings in the AWS DMS JSON format. Every documented key of the selection, transformation and
 * table-settings rule types is typed; an unknown key, an unknown {@code rule-type} or a malformed {@code object-locator}
 * is an error naming the JSON path, line:column and rule-id. Import followed by export yields the same JSON tree.
 *
 * <p>Stateless and thread-safe.
 */
public final class DmsTableMappings {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private DmsTableMappings() {
    }

    /** Parses a standalone DMS table-mapping document; {@code sourceName} (e.g. the file name) prefixes errors. */
    public static TableMappings parse(String sourceName, String json) throws ProjectFileException {
        JsonSource src = JsonSource.parse(sourceName, json);
        return read(JsonObj.of(src, src.root, "$", ""));
    }

    /** The DMS JSON document for {@code mappings}, pretty-printed. */
    public static String toJson(TableMappings mappings) {
        try {
            return MAPPER.writeValueAsString(toTree(mappings));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The DMS JSON tree for {@code mappings}. */
    public static ObjectNode toTree(TableMappings mappings) {
        ObjectNode root = F.objectNode();
        ArrayNode rules = root.putArray("rules");
        for (TableMappingRule r : mappings.rules()) {
            rules.add(write(r));
        }
        return root;
    }

    // ---------------------------------------------------------------------------------------------------- reading

    static TableMappings read(JsonObj root) throws ProjectFileException {
        root.allowOnly("rules");
        List<JsonObj.Item> items = root.array("rules", true);
        List<TableMappingRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonObj.Item item : items) {
            JsonObj o = item.obj();
            String id = o.str("rule-id", false);
            String ctx = id == null ? "" : " (rule-id " + id + ")";
            o = o.withContext(ctx);
            if (id == null) {
                throw o.missing("rule-id");
            }
            if (id.isBlank()) {
                throw o.error("rule-id", "must not be empty");
            }
            if (!ids.add(id)) {
                throw o.error("rule-id", "duplicate rule-id " + id);
            }
            String type = o.str("rule-type", true);
            switch (type) {
                case "selection": rules.add(readSelection(o, id)); break;
                case "transformation": rules.add(readTransformation(o, id)); break;
                case "table-settings": rules.add(readTableSettings(o, id)); break;
                default:
                    throw o.error("rule-type", "unknown rule-type '" + type + "'; expected selection, transformation or table-settings");
            }
        }
        return new TableMappings(rules);
    }

    private static Set<String> nulls(JsonObj o) {
        Set<String> out = new LinkedHashSet<>();
        o.node.fieldNames().forEachRemaining(n -> {
            if (o.isExplicitNull(n)) {
                out.add(n);
            }
        });
        return out;
    }

    private static SelectionRule readSelection(JsonObj o, String id) throws ProjectFileException {
        o.allowOnly("rule-type", "rule-id", "rule-name", "object-locator", "rule-action", "load-order", "filters");
        String name = o.str("rule-name", true);
        SelectionRule.Action action = o.enumValue("rule-action", SelectionRule.Action.class, DmsNames::of, true);
        ObjectLocator loc = readLocator(o, List.of("schema-name", "table-name", "table-type"), true, false);
        if (loc.tableType() != null && !List.of("table", "view", "all").contains(loc.tableType())) {
            throw o.obj("object-locator", true).error("table-type",
                    "malformed object-locator: table-type must be one of table, view, all (was '" + loc.tableType() + "')");
        }
        if (action == SelectionRule.Action.EXPLICIT && (loc.schemaName().contains("%") || loc.tableName().contains("%"))) {
            throw o.error("object-locator", "malformed object-locator: an explicit selection must not use the % wildcard");
        }
        DmsInteger loadOrder = o.dmsInteger("load-order", 0);
        List<SelectionRule.Filter> filters = null;
        List<JsonObj.Item> fItems = o.array("filters", false);
        if (fItems != null) {
            filters = new ArrayList<>();
            for (JsonObj.Item fi : fItems) {
                JsonObj f = fi.obj();
                f.allowOnly("filter-type", "column-name", "filter-conditions");
                String filterType = f.str("filter-type", true);
                if (!filterType.equals("source")) {
                    throw f.error("filter-type", "must be source (was '" + filterType + "')");
                }
                String column = f.str("column-name", true);
                List<SelectionRule.Condition> conds = new ArrayList<>();
                for (JsonObj.Item ci : f.array("filter-conditions", true)) {
                    JsonObj c = ci.obj();
                    c.allowOnly("filter-operator", "value", "start-value", "end-value");
                    SelectionRule.Operator op = c.enumValue("filter-operator", SelectionRule.Operator.class, DmsNames::of, true);
                    String value = c.str("value", false);
                    String start = c.str("start-value", false);
                    String end = c.str("end-value", false);
                    switch (op) {
                        case BETWEEN: case NOTBETWEEN:
                            if (start == null) {
                                throw c.missing("start-value");
                            }
                            if (end == null) {
                                throw c.missing("end-value");
                            }
                            break;
                        case NULL: case NOTNULL:
                            break;
                        default:
                            if (value == null) {
                                throw c.missing("value");
                            }
                    }
                    conds.add(new SelectionRule.Condition(op, value, start, end));
                }
                filters.add(new SelectionRule.Filter(filterType, column, conds));
            }
        }
        return new SelectionRule(id, name, loc, action, loadOrder, filters, nulls(o));
    }

    private static TransformationRule readTransformation(JsonObj o, String id) throws ProjectFileException {
        o.allowOnly("rule-type", "rule-id", "rule-name", "rule-target", "object-locator", "rule-action", "value",
                "old-value", "data-type", "expression", "primary-key-def", "before-image-def");
        String name = o.str("rule-name", true);
        TransformationRule.Target target = o.enumValue("rule-target", TransformationRule.Target.class, DmsNames::of, true);
        TransformationRule.Action action = o.enumValue("rule-action", TransformationRule.Action.class, DmsNames::of, true);
        boolean needsTable = target != TransformationRule.Target.SCHEMA;
        boolean needsColumn = target == TransformationRule.Target.COLUMN && action != TransformationRule.Action.ADD_COLUMN
                && action != TransformationRule.Action.ADD_BEFORE_IMAGE_COLUMNS && !locatorHas(o, "data-type");
        ObjectLocator loc = readLocator(o, List.of("schema-name", "table-name", "column-name", "data-type",
                "table-tablespace-name", "index-tablespace-name"), needsTable, needsColumn);
        String value = o.str("value", false);
        String oldValue = o.str("old-value", false);
        String expression = o.str("expression", false);
        TransformationRule.DataType dataType = null;
        JsonObj dt = o.obj("data-type", false);
        if (dt != null) {
            dt.allowOnly("type", "precision", "scale", "length");
            String type = dt.str("type", true);
            if (!TransformationRule.DMS_TYPES.contains(type)) {
                throw dt.error("type", "unknown DMS data type '" + type + "'; expected one of " + String.join(", ", TransformationRule.DMS_TYPES));
            }
            dataType = new TransformationRule.DataType(type, dt.dmsInteger("precision", 0), dt.dmsInteger("scale", 0),
                    dt.dmsInteger("length", 0));
        }
        TransformationRule.PrimaryKeyDef pk = null;
        JsonObj pko = o.obj("primary-key-def", false);
        if (pko != null) {
            pko.allowOnly("name", "origin", "columns");
            String origin = pko.str("origin", false);
            if (origin != null && !origin.equals("primary-key") && !origin.equals("unique-index")) {
                throw pko.error("origin", "must be one of primary-key, unique-index (was '" + origin + "')");
            }
            List<String> cols = pko.strings("columns", true);
            if (cols.isEmpty()) {
                throw pko.error("columns", "must name at least one column");
            }
            pk = new TransformationRule.PrimaryKeyDef(pko.str("name", true), origin, cols);
        }
        TransformationRule.BeforeImageDef bi = null;
        JsonObj bio = o.obj("before-image-def", false);
        if (bio != null) {
            bio.allowOnly("column-prefix", "column-suffix", "column-filter");
            String filter = bio.str("column-filter", true);
            if (!List.of("pk-only", "non-lob", "all").contains(filter)) {
                throw bio.error("column-filter", "must be one of pk-only, non-lob, all (was '" + filter + "')");
            }
            bi = new TransformationRule.BeforeImageDef(bio.str("column-prefix", false), bio.str("column-suffix", false), filter);
        }
        switch (action) {
            case RENAME: case ADD_PREFIX: case REMOVE_PREFIX: case ADD_SUFFIX: case REMOVE_SUFFIX:
                if (value == null) {
                    throw o.missing("value");
                }
                break;
            case REPLACE_PREFIX: case REPLACE_SUFFIX:
                if (value == null) {
                    throw o.missing("value");
                }
                if (oldValue == null) {
                    throw o.missing("old-value");
                }
                break;
            case ADD_COLUMN:
                requireTarget(o, target, TransformationRule.Target.COLUMN, action);
                if (value == null) {
                    throw o.missing("value");
                }
                if (dataType == null) {
                    throw o.missing("data-type");
                }
                break;
            case CHANGE_DATA_TYPE:
                requireTarget(o, target, TransformationRule.Target.COLUMN, action);
                if (dataType == null) {
                    throw o.missing("data-type");
                }
                break;
            case REMOVE_COLUMN:
                requireTarget(o, target, TransformationRule.Target.COLUMN, action);
                break;
            case DEFINE_PRIMARY_KEY:
                requireTarget(o, target, TransformationRule.Target.TABLE, action);
                if (pk == null) {
                    throw o.missing("primary-key-def");
                }
                break;
            case ADD_BEFORE_IMAGE_COLUMNS:
                requireTarget(o, target, TransformationRule.Target.COLUMN, action);
                if (bi == null) {
                    throw o.missing("before-image-def");
                }
                break;
            default:
                break;
        }
        return new TransformationRule(id, name, target, loc, action, value, oldValue, dataType, expression, pk, bi, nulls(o));
    }

    private static boolean locatorHas(JsonObj o, String key) {
        JsonNode l = o.node.get("object-locator");
        return l != null && l.has(key) && !l.get(key).isNull();
    }

    private static void requireTarget(JsonObj o, TransformationRule.Target actual, TransformationRule.Target wanted,
                                      TransformationRule.Action action) throws ProjectFileException {
        if (actual != wanted) {
            throw o.error("rule-target", "rule-action " + DmsNames.of(action) + " needs rule-target " + DmsNames.of(wanted)
                    + " (was " + DmsNames.of(actual) + ")");
        }
    }

    private static TableSettingsRule readTableSettings(JsonObj o, String id) throws ProjectFileException {
        o.allowOnly("rule-type", "rule-id", "rule-name", "object-locator", "parallel-load", "lob-settings");
        String name = o.str("rule-name", true);
        ObjectLocator loc = readLocator(o, List.of("schema-name", "table-name"), true, false);
        TableSettingsRule.ParallelLoad pl = null;
        JsonObj plo = o.obj("parallel-load", false);
        if (plo != null) {
            plo.allowOnly("type", "columns", "boundaries", "partitions", "subpartitions", "number-of-partitions", "batch-size");
            TableSettingsRule.ParallelLoadType type = plo.enumValue("type", TableSettingsRule.ParallelLoadType.class, DmsNames::of, true);
            List<String> columns = plo.strings("columns", false);
            List<List<String>> boundaries = null;
            List<JsonObj.Item> bItems = plo.array("boundaries", false);
            if (bItems != null) {
                boundaries = new ArrayList<>();
                for (JsonObj.Item b : bItems) {
                    if (!b.node().isArray()) {
                        throw b.error("must be an array of column values");
                    }
                    List<String> values = new ArrayList<>();
                    for (int i = 0; i < b.node().size(); i++) {
                        values.add(new JsonObj.Item(b.src(), b.node().get(i), b.path() + "[" + i + "]", b.context()).str());
                    }
                    if (columns != null && values.size() > columns.size()) {
                        throw b.error("has " + values.size() + " values but parallel-load names " + columns.size() + " columns");
                    }
                    boundaries.add(values);
                }
            }
            if (type == TableSettingsRule.ParallelLoadType.RANGES && (columns == null || columns.isEmpty())) {
                throw plo.errorHere("parallel-load type ranges needs 'columns'");
            }
            pl = new TableSettingsRule.ParallelLoad(type, columns, boundaries, plo.strings("partitions", false),
                    plo.strings("subpartitions", false), plo.dmsInteger("number-of-partitions", 1), plo.dmsInteger("batch-size", 1));
        }
        TableSettingsRule.LobSettings lob = null;
        JsonObj lo = o.obj("lob-settings", false);
        if (lo != null) {
            lo.allowOnly("mode", "bulk-max-size");
            lob = new TableSettingsRule.LobSettings(lo.enumValue("mode", TableSettingsRule.LobMode.class, DmsNames::of, true),
                    lo.dmsInteger("bulk-max-size", 0));
        }
        return new TableSettingsRule(id, name, loc, pl, lob, nulls(o));
    }

    private static ObjectLocator readLocator(JsonObj rule, List<String> allowed, boolean needsTable, boolean needsColumn)
            throws ProjectFileException {
        if (!rule.has("object-locator")) {
            throw rule.missing("object-locator");
        }
        if (!rule.node.get("object-locator").isObject()) {
            throw rule.error("object-locator", "malformed object-locator: must be a JSON object");
        }
        JsonObj l = rule.obj("object-locator", true);
        java.util.Iterator<String> names = l.node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!allowed.contains(n)) {
                String p = l.childPath(n);
                throw l.src.error(p, l.src.keyLoc(p), "malformed object-locator: unknown field '" + n + "'" + l.context
                        + "; expected one of: " + String.join(", ", allowed));
            }
        }
        String[] values = new String[allowed.size()];
        for (int i = 0; i < values.length; i++) {
            String key = allowed.get(i);
            if (l.node.has(key) && !l.node.get(key).isTextual()) {
                throw l.error(key, "malformed object-locator: " + key + " must be a string");
            }
            values[i] = l.str(key, false);
            if (values[i] != null && values[i].isEmpty()) {
                throw l.error(key, "malformed object-locator: " + key + " must not be empty");
            }
        }
        String schema = values[0];
        if (schema == null) {
            throw l.errorHere("malformed object-locator: missing 'schema-name'");
        }
        String table = allowed.contains("table-name") ? values[allowed.indexOf("table-name")] : null;
        if (needsTable && table == null) {
            throw l.errorHere("malformed object-locator: missing 'table-name'");
        }
        String column = allowed.contains("column-name") ? values[allowed.indexOf("column-name")] : null;
        if (needsColumn && column == null) {
            throw l.errorHere("malformed object-locator: missing 'column-name'");
        }
        return new ObjectLocator(schema, table, get(allowed, values, "table-type"), column, get(allowed, values, "data-type"),
                get(allowed, values, "table-tablespace-name"), get(allowed, values, "index-tablespace-name"));
    }

    private static String get(List<String> allowed, String[] values, String key) {
        int i = allowed.indexOf(key);
        return i < 0 ? null : values[i];
    }

    // ---------------------------------------------------------------------------------------------------- writing

    private static ObjectNode write(TableMappingRule r) {
        ObjectNode o = F.objectNode();
        o.put("rule-type", r.ruleType());
        o.put("rule-id", r.ruleId());
        o.put("rule-name", r.ruleName());
        if (r instanceof SelectionRule) {
            SelectionRule s = (SelectionRule) r;
            o.set("object-locator", locator(s.objectLocator()));
            o.put("rule-action", DmsNames.of(s.ruleAction()));
            putInt(o, "load-order", s.loadOrder());
            if (s.filters() != null) {
                ArrayNode fs = o.putArray("filters");
                for (SelectionRule.Filter f : s.filters()) {
                    ObjectNode fo = fs.addObject();
                    fo.put("filter-type", f.filterType());
                    fo.put("column-name", f.columnName());
                    ArrayNode cs = fo.putArray("filter-conditions");
                    for (SelectionRule.Condition c : f.filterConditions()) {
                        ObjectNode co = cs.addObject();
                        co.put("filter-operator", DmsNames.of(c.filterOperator()));
                        putStr(co, "value", c.value());
                        putStr(co, "start-value", c.startValue());
                        putStr(co, "end-value", c.endValue());
                    }
                }
            }
        } else if (r instanceof TransformationRule) {
            TransformationRule t = (TransformationRule) r;
            o.put("rule-target", DmsNames.of(t.ruleTarget()));
            o.set("object-locator", locator(t.objectLocator()));
            o.put("rule-action", DmsNames.of(t.ruleAction()));
            putStr(o, "value", t.value());
            putStr(o, "old-value", t.oldValue());
            if (t.dataType() != null) {
                ObjectNode d = o.putObject("data-type");
                d.put("type", t.dataType().type());
                putInt(d, "precision", t.dataType().precision());
                putInt(d, "scale", t.dataType().scale());
                putInt(d, "length", t.dataType().length());
            }
            putStr(o, "expression", t.expression());
            if (t.primaryKeyDef() != null) {
                ObjectNode p = o.putObject("primary-key-def");
                p.put("name", t.primaryKeyDef().name());
                putStr(p, "origin", t.primaryKeyDef().origin());
                ArrayNode cols = p.putArray("columns");
                t.primaryKeyDef().columns().forEach(cols::add);
            }
            if (t.beforeImageDef() != null) {
                ObjectNode b = o.putObject("before-image-def");
                putStr(b, "column-prefix", t.beforeImageDef().columnPrefix());
                putStr(b, "column-suffix", t.beforeImageDef().columnSuffix());
                b.put("column-filter", t.beforeImageDef().columnFilter());
            }
        } else {
            TableSettingsRule t = (TableSettingsRule) r;
            o.set("object-locator", locator(t.objectLocator()));
            if (t.parallelLoad() != null) {
                TableSettingsRule.ParallelLoad pl = t.parallelLoad();
                ObjectNode p = o.putObject("parallel-load");
                p.put("type", DmsNames.of(pl.type()));
                putStrings(p, "columns", pl.columns());
                if (pl.boundaries() != null) {
                    ArrayNode bs = p.putArray("boundaries");
                    for (List<String> b : pl.boundaries()) {
                        ArrayNode ba = bs.addArray();
                        b.forEach(ba::add);
                    }
                }
                putStrings(p, "partitions", pl.partitions());
                putStrings(p, "subpartitions", pl.subpartitions());
                putInt(p, "number-of-partitions", pl.numberOfPartitions());
                putInt(p, "batch-size", pl.batchSize());
            }
            if (t.lobSettings() != null) {
                ObjectNode l = o.putObject("lob-settings");
                l.put("mode", DmsNames.of(t.lobSettings().mode()));
                putInt(l, "bulk-max-size", t.lobSettings().bulkMaxSize());
            }
        }
        for (String n : r.explicitNulls()) {
            if (!o.has(n)) {
                o.putNull(n);
            }
        }
        return o;
    }

    private static ObjectNode locator(ObjectLocator l) {
        ObjectNode o = F.objectNode();
        putStr(o, "schema-name", l.schemaName());
        putStr(o, "table-name", l.tableName());
        putStr(o, "table-type", l.tableType());
        putStr(o, "column-name", l.columnName());
        putStr(o, "data-type", l.dataType());
        putStr(o, "table-tablespace-name", l.tableTablespaceName());
        putStr(o, "index-tablespace-name", l.indexTablespaceName());
        return o;
    }

    private static void putStr(ObjectNode o, String key, String value) {
        if (value != null) {
            o.put(key, value);
        }
    }

    private static void putStrings(ObjectNode o, String key, List<String> values) {
        if (values != null) {
            ArrayNode a = o.putArray(key);
            values.forEach(a::add);
        }
    }

    private static void putInt(ObjectNode o, String key, DmsInteger value) {
        if (value != null) {
            if (value.quoted()) {
                o.put(key, Long.toString(value.value()));
            } else if (value.value() == (int) value.value()) {
                o.put(key, (int) value.value());
            } else {
                o.put(key, value.value());
            }
        }
    }
}
