package dev.ferry.converter.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.ast.ColumnDef;
import dev.ferry.converter.ast.ConstraintDef;
import dev.ferry.converter.ast.CreateIndex;
import dev.ferry.converter.ast.CreateTable;
import dev.ferry.converter.ast.Identifier;
import dev.ferry.converter.ast.IndexElement;
import dev.ferry.converter.ast.Statement;
import dev.ferry.converter.ast.TypeName;
import dev.ferry.converter.parse.ParseResult;
import dev.ferry.converter.parse.postgres.PostgresParserFacade;
import dev.ferry.model.schema.Engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code expected} field of {@code assessment.json}: the shape a converted table or index must have on the target,
 * taken from the parse tree of the converted SQL (re-parsed with the target grammar), so that {@code ferry deploy} can
 * tell an existing object that matches from one that drifted. Tables: columns (name, type as written, nullable) and
 * primary key; indexes: table, uniqueness and keys. Only PostgreSQL targets for now; other objects get none.
 *
 * <p>Threading: stateless.
 */
public final class ExpectedShapes {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ExpectedShapes() {
    }

    /** The expected shape of {@code o}, or {@code null} when there is none (not converted, other type, no parse). */
    public static JsonNode of(ConvertedObject o, Engine target) {
        if (!o.converted() || target != Engine.POSTGRESQL || !("TABLE".equals(o.type()) || "INDEX".equals(o.type()))) {
            return null;
        }
        ParseResult parsed = PostgresParserFacade.INSTANCE.parseScript(o.convertedSql(), o.type() + " " + o.name());
        if (parsed.hasErrors()) {
            return null;
        }
        for (Statement s : parsed.parsed()) {
            if (s instanceof CreateTable t && "TABLE".equals(o.type())) {
                return table(t);
            }
            if (s instanceof CreateIndex i && "INDEX".equals(o.type())) {
                return index(i);
            }
        }
        return null;
    }

    private static ObjectNode table(CreateTable t) {
        Set<String> pk = new LinkedHashSet<>();
        for (ConstraintDef c : t.constraints()) {
            if (c.kind() == ConstraintDef.Kind.PRIMARY_KEY) {
                c.columns().forEach(id -> pk.add(pg(id)));
            }
        }
        for (ColumnDef c : t.columns()) {
            for (ConstraintDef k : c.constraints()) {
                if (k.kind() == ConstraintDef.Kind.PRIMARY_KEY) {
                    pk.add(pg(c.name()));
                }
            }
        }
        ObjectNode n = MAPPER.createObjectNode();
        ArrayNode cols = n.putArray("columns");
        for (ColumnDef c : t.columns()) {
            if (c.type() == null) {
                return null;
            }
            String type = type(c.type());
            String base = c.type().name();
            boolean serial = base.equals("serial") || base.equals("bigserial") || base.equals("smallserial")
                    || base.startsWith("serial");
            boolean notNull = Boolean.FALSE.equals(c.nullable()) || pk.contains(pg(c.name())) || c.identity() != null || serial;
            ObjectNode col = cols.addObject();
            col.put("name", pg(c.name()));
            col.put("type", type);
            col.put("nullable", !notNull);
        }
        ArrayNode key = n.putArray("primaryKey");
        pk.forEach(key::add);
        return n;
    }

    private static ObjectNode index(CreateIndex i) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("table", pg(i.table().last()));
        n.put("unique", i.unique());
        ArrayNode keys = n.putArray("keys");
        List<String> k = new ArrayList<>();
        for (IndexElement e : i.elements()) {
            Identifier col = e.columnName();
            if (col == null) {
                return null; // expression keys: the catalog's spelling differs, nothing reliable to compare
            }
            k.add(pg(col));
        }
        k.forEach(keys::add);
        return n;
    }

    /** The type as PostgreSQL would read it: name, modifiers, array brackets. */
    static String type(TypeName t) {
        StringBuilder b = new StringBuilder(t.name());
        if (!t.modifiers().isEmpty()) {
            // "timestamp with time zone" takes its precision after the first word
            int sp = t.name().indexOf(' ');
            String mods = "(" + String.join(",", t.modifiers()) + ")";
            if ((t.name().startsWith("timestamp ") || t.name().startsWith("time ")) && sp > 0) {
                b.insert(sp, mods);
            } else {
                b.append(mods);
            }
        }
        b.append("[]".repeat(t.arrayDimensions()));
        return b.toString();
    }

    /** PostgreSQL's folding: unquoted names are lower-cased. */
    private static String pg(Identifier id) {
        return id.quoted() ? id.value() : id.value().toLowerCase(Locale.ROOT);
    }
}
