package dev.ferry.app.demo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The demo's target tables in PostgreSQL, matching {@code DemoStore.ddl()} (the demo has no deploy step in the
 * workbench yet, so the Tasks monitor's demo load needs them): created when missing, never changed when present.
 * Blocking; stateless.
 */
public final class DemoTargetSchema {

    /** One statement per table, {@code CREATE TABLE IF NOT EXISTS}; primary keys only (constraints come after a load). */
    public static final List<String> DDL = List.of(
            "CREATE TABLE IF NOT EXISTS categories (category_id integer PRIMARY KEY, name varchar(60) NOT NULL, description text)",
            "CREATE TABLE IF NOT EXISTS products (product_id integer PRIMARY KEY, category_id integer NOT NULL, sku varchar(20) NOT NULL,"
                    + " name varchar(200) NOT NULL, price numeric(10,2) NOT NULL, in_stock integer NOT NULL,"
                    + " discontinued boolean NOT NULL, weight_kg double precision, thumbnail bytea)",
            "CREATE TABLE IF NOT EXISTS customers (customer_id integer PRIMARY KEY, first_name varchar(50) NOT NULL,"
                    + " last_name varchar(50) NOT NULL, email varchar(120) NOT NULL, phone varchar(30), country char(2),"
                    + " created_at timestamp NOT NULL, vip boolean NOT NULL)",
            "CREATE TABLE IF NOT EXISTS orders (order_id integer PRIMARY KEY, customer_id integer NOT NULL,"
                    + " ordered_at timestamp NOT NULL, status varchar(12) NOT NULL, note text)",
            "CREATE TABLE IF NOT EXISTS order_items (order_id integer NOT NULL, line_no integer NOT NULL, product_id integer NOT NULL,"
                    + " quantity integer NOT NULL, unit_price numeric(10,2) NOT NULL, PRIMARY KEY (order_id, line_no))",
            "CREATE TABLE IF NOT EXISTS payments (payment_id integer PRIMARY KEY, order_id integer NOT NULL,"
                    + " amount numeric(12,2) NOT NULL, method varchar(20) NOT NULL, paid_at timestamp)",
            "CREATE TABLE IF NOT EXISTS inventory_log (log_id integer PRIMARY KEY, product_id integer NOT NULL, delta integer NOT NULL,"
                    + " logged_at timestamp NOT NULL)");

    private DemoTargetSchema() {
    }

    /** Creates the missing demo tables in the demo's target database. */
    public static void ensure(DemoEnvironment demo) throws SQLException {
        ensure(demo.targetJdbcUrl(), "postgres", "");
    }

    public static void ensure(String jdbcUrl, String user, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password); Statement st = c.createStatement()) {
            for (String s : DDL) {
                st.execute(s);
            }
        }
    }
}
