package dev.ferry.model.schema;

import java.util.Locale;

/** The database engines Ferry reads from and writes to. MariaDB and Aurora MySQL are {@link #MYSQL}; Aurora/RDS PostgreSQL are {@link #POSTGRESQL}. */
public enum Engine {
    POSTGRESQL("PostgreSQL"),
    MYSQL("MySQL/MariaDB"),
    ORACLE("Oracle"),
    SQLITE("SQLite");

    private final String displayName;

    Engine(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** Parses user input such as {@code postgres}, {@code pg}, {@code mariadb}, {@code oracle}, {@code sqlite3}. */
    public static Engine parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "postgresql": case "postgres": case "pg": case "pgsql": return POSTGRESQL;
            case "mysql": case "mariadb": return MYSQL;
            case "oracle": case "ora": return ORACLE;
            case "sqlite": case "sqlite3": return SQLITE;
            default:
                throw new IllegalArgumentException("Unknown engine '" + text + "': expected one of postgresql, mysql, mariadb, oracle, sqlite");
        }
    }
}
