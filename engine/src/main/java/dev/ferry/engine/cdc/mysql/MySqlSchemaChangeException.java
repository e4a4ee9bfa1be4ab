package dev.ferry.engine.cdc.mysql;

import dev.ferry.engine.cdc.ChangeCaptureException;
import dev.ferry.model.schema.QualifiedName;

import java.util.List;

/**
 * The capture paused because DDL changed a captured table (ALTER / DROP / RENAME / CREATE OR REPLACE). Everything
 * before the statement was delivered, followed by a transaction holding one
 * {@link dev.ferry.engine.cdc.ChangeEvent.RelationChange} per affected table; then the source stopped. DDL is not
 * replicated: bring the target in line, then acknowledge that transaction's {@code Commit} and start again after it
 * (or start again without acknowledging it to stop at the same statement). Immutable.
 */
public final class MySqlSchemaChangeException extends ChangeCaptureException {

    private static final long serialVersionUID = 1L;

    private final String statement;
    private final transient List<QualifiedName> tables;
    private final MySqlPosition position;

    public MySqlSchemaChangeException(String statement, List<QualifiedName> tables, MySqlPosition position) {
        super("capture paused: DDL on captured table " + tables + " at binlog " + position + ": " + abbreviate(statement)
                + " (DDL is not replicated; update the target, then acknowledge the schema change and restart)", false, null);
        this.statement = statement;
        this.tables = List.copyOf(tables);
        this.position = position;
    }

    /** The DDL statement as logged. */
    public String statement() {
        return statement;
    }

    /** The captured tables it changes. */
    public List<QualifiedName> tables() {
        return tables;
    }

    /** Position of the DDL ({@code Commit} of the schema-change transaction). */
    public MySqlPosition position() {
        return position;
    }

    private static String abbreviate(String sql) {
        String s = sql.replaceAll("\\s+", " ").trim();
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
