package dev.ferry.engine.demo;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;

/**
 * Generates the demo source: a small online-store database in SQLite, written by Ferry itself so that a newcomer can
 * run a whole migration without installing anything. The data is deterministic for a given scale (fixed seed), and
 * deliberately includes values migrations get wrong: NULLs, empty strings, 4-byte UTF-8, quotes, money with cents,
 * booleans as 0/1, timestamps as ISO text and a BLOB.
 *
 * <p>Schema: categories, products, customers, orders, order_items, payments, inventory_log; a view
 * {@code order_totals}; a trigger {@code trg_order_items_stock} that logs stock movements.
 *
 * <p>Not thread-safe: one generation at a time per file.
 */
public final class DemoStore {

    /** Row counts at scale 1; every count is multiplied by the scale. */
    public static final int CUSTOMERS = 500;
    public static final int PRODUCTS = 200;
    public static final int ORDERS = 2_000;

    private static final List<String> CATEGORY_NAMES = List.of("Books", "Garden", "Kitchen", "Toys", "Music",
            "Outdoor", "Office", "Café & Bakery", "Électronique", "Zubehör 🚲");
    private static final String[] FIRST = {"Ada", "Grace", "Linus", "Margaret", "Ken", "Barbara", "Edsger", "Frances",
            "Zoë", "José", "O'Brien", "Ngozi", "Søren", "Mia", "李", "Дмитрий"};
    private static final String[] LAST = {"Lovelace", "Hopper", "Torvalds", "Hamilton", "Thompson", "Liskov", "Dijkstra",
            "Allen", "Müller", "García", "O'Neil", "Okafor", "Kierkegaard", "Rossi", "王", "Иванов"};
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private DemoStore() {
    }

    /** What was generated. */
    public record Summary(Path file, int categories, int products, int customers, int orders, int orderItems, int payments) {
        public long totalRows() {
            return (long) categories + products + customers + orders + orderItems + payments;
        }
    }

    /**
     * Creates (or replaces) the demo database at {@code file}.
     *
     * @param scale multiplies the row counts; 1 gives about 9,000 rows
     */
    public static Summary generate(Path file, int scale) throws IOException, SQLException {
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be at least 1, was " + scale);
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.deleteIfExists(file);
        Random rnd = new Random(20261121L);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                for (String ddl : ddl()) {
                    st.execute(ddl);
                }
            }
            int categories = CATEGORY_NAMES.size();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO categories(category_id, name, description) VALUES (?,?,?)")) {
                for (int i = 0; i < categories; i++) {
                    ps.setInt(1, i + 1);
                    ps.setString(2, CATEGORY_NAMES.get(i));
                    ps.setString(3, i % 3 == 0 ? null : (i % 3 == 1 ? "" : "All things " + CATEGORY_NAMES.get(i).toLowerCase()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            int products = PRODUCTS * scale;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO products(product_id, category_id, sku, name, price, in_stock, discontinued, weight_kg, thumbnail) VALUES (?,?,?,?,?,?,?,?,?)")) {
                for (int i = 1; i <= products; i++) {
                    ps.setInt(1, i);
                    ps.setInt(2, 1 + rnd.nextInt(categories));
                    ps.setString(3, String.format("SKU-%06d", i));
                    ps.setString(4, CATEGORY_NAMES.get(i % categories) + " item #" + i + (i % 17 == 0 ? " \"deluxe\"" : ""));
                    ps.setBigDecimal(5, BigDecimal.valueOf(99 + rnd.nextInt(99_900), 2));
                    ps.setInt(6, rnd.nextInt(500));
                    ps.setInt(7, i % 23 == 0 ? 1 : 0);
                    if (i % 11 == 0) {
                        ps.setNull(8, java.sql.Types.REAL);
                    } else {
                        ps.setDouble(8, Math.round(rnd.nextDouble() * 25_000) / 1000.0);
                    }
                    if (i % 50 == 0) {
                        byte[] png = new byte[64 + rnd.nextInt(512)];
                        rnd.nextBytes(png);
                        ps.setBytes(9, png);
                    } else {
                        ps.setNull(9, java.sql.Types.BLOB);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            int customers = CUSTOMERS * scale;
            LocalDateTime epoch = LocalDateTime.of(2023, 1, 1, 8, 0);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO customers(customer_id, first_name, last_name, email, phone, country, created_at, vip) VALUES (?,?,?,?,?,?,?,?)")) {
                String[] countries = {"DE", "FR", "GB", "US", "NG", "JP", "BR", "IN", null};
                for (int i = 1; i <= customers; i++) {
                    String first = FIRST[rnd.nextInt(FIRST.length)];
                    String last = LAST[rnd.nextInt(LAST.length)];
                    ps.setInt(1, i);
                    ps.setString(2, first);
                    ps.setString(3, last);
                    ps.setString(4, "customer" + i + "@example.com");
                    ps.setString(5, i % 7 == 0 ? null : String.format("+%d %03d %04d", 1 + i % 90, rnd.nextInt(1000), rnd.nextInt(10_000)));
                    ps.setString(6, countries[i % countries.length]);
                    ps.setString(7, epoch.plusMinutes(rnd.nextInt(525_600)).format(TS));
                    ps.setInt(8, i % 13 == 0 ? 1 : 0);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            int orders = ORDERS * scale;
            int items = 0;
            int payments = 0;
            String[] statuses = {"new", "paid", "shipped", "delivered", "cancelled"};
            try (PreparedStatement po = c.prepareStatement(
                    "INSERT INTO orders(order_id, customer_id, ordered_at, status, note) VALUES (?,?,?,?,?)");
                 PreparedStatement pi = c.prepareStatement(
                         "INSERT INTO order_items(order_id, line_no, product_id, quantity, unit_price) VALUES (?,?,?,?,?)");
                 PreparedStatement pp = c.prepareStatement(
                         "INSERT INTO payments(payment_id, order_id, amount, method, paid_at) VALUES (?,?,?,?,?)")) {
                for (int o = 1; o <= orders; o++) {
                    LocalDateTime at = epoch.plusMinutes(rnd.nextInt(700_000));
                    String status = statuses[rnd.nextInt(statuses.length)];
                    po.setInt(1, o);
                    po.setInt(2, 1 + rnd.nextInt(customers));
                    po.setString(3, at.format(TS));
                    po.setString(4, status);
                    po.setString(5, o % 29 == 0 ? "Leave at the door; it's fine 👍" : null);
                    po.addBatch();
                    int lines = 1 + rnd.nextInt(4);
                    BigDecimal total = BigDecimal.ZERO;
                    for (int l = 1; l <= lines; l++) {
                        int qty = 1 + rnd.nextInt(5);
                        BigDecimal price = BigDecimal.valueOf(99 + rnd.nextInt(99_900), 2);
                        pi.setInt(1, o);
                        pi.setInt(2, l);
                        pi.setInt(3, 1 + rnd.nextInt(products));
                        pi.setInt(4, qty);
                        pi.setBigDecimal(5, price);
                        pi.addBatch();
                        total = total.add(price.multiply(BigDecimal.valueOf(qty)));
                        items++;
                    }
                    if (!"new".equals(status) && !"cancelled".equals(status)) {
                        payments++;
                        pp.setInt(1, payments);
                        pp.setInt(2, o);
                        pp.setBigDecimal(3, total.setScale(2, RoundingMode.HALF_UP));
                        pp.setString(4, rnd.nextBoolean() ? "card" : "transfer");
                        pp.setString(5, at.plusHours(1 + rnd.nextInt(48)).format(TS));
                        pp.addBatch();
                    }
                    if (o % 1000 == 0) {
                        po.executeBatch();
                        pi.executeBatch();
                        pp.executeBatch();
                    }
                }
                po.executeBatch();
                pi.executeBatch();
                pp.executeBatch();
            }
            // the trigger logs every item inserted above; keep the log for the demo's CDC step, but start it empty
            try (Statement st = c.createStatement()) {
                st.execute("DELETE FROM inventory_log");
            }
            c.commit();
            return new Summary(file, categories, products, customers, orders, items, payments);
        }
    }

    /** The demo schema, in SQLite's dialect. */
    public static List<String> ddl() {
        return List.of(
                "CREATE TABLE categories (\n"
                        + "  category_id INTEGER PRIMARY KEY,\n"
                        + "  name        VARCHAR(60) NOT NULL UNIQUE,\n"
                        + "  description TEXT\n"
                        + ")",
                "CREATE TABLE products (\n"
                        + "  product_id   INTEGER PRIMARY KEY AUTOINCREMENT,\n"
                        + "  category_id  INTEGER NOT NULL REFERENCES categories(category_id),\n"
                        + "  sku          VARCHAR(20) NOT NULL,\n"
                        + "  name         VARCHAR(200) NOT NULL,\n"
                        + "  price        NUMERIC(10,2) NOT NULL CHECK (price >= 0),\n"
                        + "  in_stock     INTEGER NOT NULL DEFAULT 0,\n"
                        + "  discontinued BOOLEAN NOT NULL DEFAULT 0,\n"
                        + "  weight_kg    REAL,\n"
                        + "  thumbnail    BLOB\n"
                        + ")",
                "CREATE UNIQUE INDEX ux_products_sku ON products(sku)",
                "CREATE INDEX ix_products_category ON products(category_id)",
                "CREATE TABLE customers (\n"
                        + "  customer_id INTEGER PRIMARY KEY,\n"
                        + "  first_name  VARCHAR(50) NOT NULL,\n"
                        + "  last_name   VARCHAR(50) NOT NULL,\n"
                        + "  email       VARCHAR(120) NOT NULL,\n"
                        + "  phone       VARCHAR(30),\n"
                        + "  country     CHAR(2),\n"
                        + "  created_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,\n"
                        + "  vip         BOOLEAN NOT NULL DEFAULT 0\n"
                        + ")",
                "CREATE UNIQUE INDEX ux_customers_email ON customers(email)",
                "CREATE INDEX ix_customers_name ON customers(last_name, first_name)",
                "CREATE TABLE orders (\n"
                        + "  order_id    INTEGER PRIMARY KEY,\n"
                        + "  customer_id INTEGER NOT NULL REFERENCES customers(customer_id) ON DELETE CASCADE,\n"
                        + "  ordered_at  DATETIME NOT NULL,\n"
                        + "  status      VARCHAR(12) NOT NULL DEFAULT 'new'\n"
                        + "              CHECK (status IN ('new','paid','shipped','delivered','cancelled')),\n"
                        + "  note        TEXT\n"
                        + ")",
                "CREATE INDEX ix_orders_customer ON orders(customer_id, ordered_at)",
                "CREATE TABLE order_items (\n"
                        + "  order_id   INTEGER NOT NULL REFERENCES orders(order_id) ON DELETE CASCADE,\n"
                        + "  line_no    INTEGER NOT NULL,\n"
                        + "  product_id INTEGER NOT NULL REFERENCES products(product_id),\n"
                        + "  quantity   INTEGER NOT NULL CHECK (quantity > 0),\n"
                        + "  unit_price NUMERIC(10,2) NOT NULL,\n"
                        + "  PRIMARY KEY (order_id, line_no)\n"
                        + ")",
                "CREATE TABLE payments (\n"
                        + "  payment_id INTEGER PRIMARY KEY,\n"
                        + "  order_id   INTEGER NOT NULL REFERENCES orders(order_id),\n"
                        + "  amount     NUMERIC(12,2) NOT NULL,\n"
                        + "  method     VARCHAR(20) NOT NULL,\n"
                        + "  paid_at    DATETIME\n"
                        + ")",
                "CREATE TABLE inventory_log (\n"
                        + "  log_id     INTEGER PRIMARY KEY AUTOINCREMENT,\n"
                        + "  product_id INTEGER NOT NULL,\n"
                        + "  delta      INTEGER NOT NULL,\n"
                        + "  logged_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP\n"
                        + ")",
                "CREATE VIEW order_totals AS\n"
                        + "SELECT o.order_id, o.customer_id, o.status, COUNT(i.line_no) AS lines,\n"
                        + "       SUM(i.quantity * i.unit_price) AS total\n"
                        + "FROM orders o LEFT JOIN order_items i ON i.order_id = o.order_id\n"
                        + "GROUP BY o.order_id, o.customer_id, o.status",
                "CREATE TRIGGER trg_order_items_stock AFTER INSERT ON order_items\n"
                        + "FOR EACH ROW\n"
                        + "BEGIN\n"
                        + "  UPDATE products SET in_stock = in_stock - NEW.quantity WHERE product_id = NEW.product_id;\n"
                        + "  INSERT INTO inventory_log(product_id, delta) VALUES (NEW.product_id, -NEW.quantity);\n"
                        + "END");
    }
}
