package dev.ferry.converter.parse.mysql;

/** What a parsed MySQL / MariaDB statement does (the first-level statement kind). */
public enum MySqlStatementKind {
    CREATE_TABLE,
    CREATE_INDEX,
    CREATE_VIEW,
    CREATE_PROCEDURE,
    CREATE_FUNCTION,
    CREATE_TRIGGER,
    CREATE_EVENT,
    CREATE_DATABASE,
    ALTER_TABLE,
    ALTER_DATABASE,
    DROP_TABLE,
    DROP_VIEW,
    DROP_INDEX,
    DROP_ROUTINE,
    DROP_TRIGGER,
    DROP_EVENT,
    DROP_DATABASE,
    RENAME_TABLE,
    TRUNCATE,
    INSERT,
    REPLACE,
    UPDATE,
    DELETE,
    SELECT,
    SET,
    USE,
    LOCK_TABLES,
    UNLOCK_TABLES,
    TRANSACTION,
    CALL,
    PREPARED_STATEMENT,
    /** A mysql client command ({@code source x}, {@code charset x} ...): not SQL, never parsed. */
    CLIENT_COMMAND,
    /** Recognised but not modelled (SHOW, GRANT, FLUSH, LOAD DATA, DO, anonymous blocks ...). */
    OTHER
}
