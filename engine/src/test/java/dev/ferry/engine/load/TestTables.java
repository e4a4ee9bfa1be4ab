package dev.ferry.engine.load;

import dev.ferry.model.schema.Column;
import dev.ferry.model.schema.DataType;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.KeyConstraint;
import dev.ferry.model.schema.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds {@link Table} records by hand for tables a test creates (the live catalog readers live elsewhere), from specs
 * such as {@code "id bigint pk"}, {@code "price numeric(10,2)"}, {@code "n int unsigned null"}. Columns are NOT NULL
 * unless the spec ends with {@code null}; {@code pk} marks primary-key columns (in order).
 */
final class TestTables {

    private static final Pattern PARAMS = Pattern.compile("\\(([^)]*)\\)");

    private TestTables() {
    }

    static Table table(String schema, String name, String... columnSpecs) {
        List<Column> columns = new ArrayList<>();
        List<String> pk = new ArrayList<>();
        int pos = 1;
        for (String spec : columnSpecs) {
            String s = spec.trim();
            int sp = s.indexOf(' ');
            String col = s.substring(0, sp);
            String rest = s.substring(sp + 1).trim();
            boolean nullable = true;
            if (rest.endsWith(" pk")) {
                pk.add(col);
                rest = rest.substring(0, rest.length() - 3).trim();
                nullable = false;
            }
            if (rest.endsWith(" null")) {
                rest = rest.substring(0, rest.length() - 5).trim();
                nullable = true;
            }
            columns.add(Column.of(col, pos++, type(rest), nullable));
        }
        return new Table(schema, name, Table.Kind.REGULAR, columns, pk.isEmpty() ? null : KeyConstraint.of(null, pk),
                List.of(), List.of(), List.of(), List.of(), null, -1, -1, null, Map.of());
    }

    static DataType type(String declared) {
        String d = declared.trim();
        boolean unsigned = d.toLowerCase(Locale.ROOT).contains(" unsigned");
        String base = d.replaceAll("(?i) unsigned", "");
        Long length = null;
        Integer precision = null;
        Integer scale = null;
        Matcher m = PARAMS.matcher(base);
        if (m.find()) {
            String[] p = m.group(1).split(",");
            if (p.length == 2) {
                precision = Integer.parseInt(p[0].trim());
                scale = Integer.parseInt(p[1].trim());
            } else {
                length = Long.parseLong(p[0].trim());
            }
            base = base.substring(0, m.start()).trim() + base.substring(m.end()).trim();
        }
        return new DataType(base.trim().toLowerCase(Locale.ROOT), length, precision, scale, null, unsigned, false, List.of(), 0, d);
    }

    /** CREATE TABLE for {@code table} on {@code engine}, using each column's declared text as its type. */
    static String ddl(Engine engine, Table table) {
        StringBuilder sb = new StringBuilder("CREATE TABLE ").append(Sql.quote(engine, table.qualifiedName())).append(" (");
        for (int i = 0; i < table.columns().size(); i++) {
            Column c = table.columns().get(i);
            sb.append(i > 0 ? ", " : "").append(Sql.quote(engine, c.name())).append(' ').append(c.type().declared())
                    .append(c.nullable() ? "" : " NOT NULL");
        }
        if (table.primaryKey() != null) {
            sb.append(", PRIMARY KEY (").append(Sql.columnList(engine, table.primaryKey().columns())).append(')');
        }
        sb.append(')');
        if (engine == Engine.MYSQL) {
            sb.append(" ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
        }
        return sb.toString();
    }
}
