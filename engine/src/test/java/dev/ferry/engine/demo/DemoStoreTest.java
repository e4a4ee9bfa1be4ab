package dev.ferry.engine.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoStoreTest {

    @TempDir
    Path dir;

    @Test
    void generatesADeterministicStoreWithViewAndTrigger() throws Exception {
        DemoStore.Summary a = DemoStore.generate(dir.resolve("a.db"), 1);
        DemoStore.Summary b = DemoStore.generate(dir.resolve("b.db"), 1);
        assertThat(a.customers()).isEqualTo(DemoStore.CUSTOMERS);
        assertThat(a.orders()).isEqualTo(DemoStore.ORDERS);
        assertThat(a.orderItems()).isEqualTo(b.orderItems()).isBetween(DemoStore.ORDERS, DemoStore.ORDERS * 4);
        assertThat(a.payments()).isEqualTo(b.payments()).isPositive().isLessThan(DemoStore.ORDERS);

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + a.file()); Statement st = c.createStatement()) {
            assertThat(scalar(st, "select count(*) from order_items")).isEqualTo(a.orderItems());
            assertThat(scalar(st, "select count(*) from sqlite_schema where type = 'view'")).isEqualTo(1);
            assertThat(scalar(st, "select count(*) from sqlite_schema where type = 'trigger'")).isEqualTo(1);
            assertThat(scalar(st, "select count(*) from inventory_log")).isZero();
            // the trigger is live: a new item moves stock and writes the log
            int before = scalar(st, "select in_stock from products where product_id = 1");
            st.execute("insert into order_items(order_id, line_no, product_id, quantity, unit_price) values (1, 99, 1, 3, 1.00)");
            assertThat(scalar(st, "select in_stock from products where product_id = 1")).isEqualTo(before - 3);
            assertThat(scalar(st, "select count(*) from inventory_log")).isEqualTo(1);
            // edge values migrations get wrong are present
            assertThat(scalar(st, "select count(*) from categories where description = ''")).isPositive();
            assertThat(scalar(st, "select count(*) from categories where description is null")).isPositive();
            assertThat(scalar(st, "select count(*) from categories where name like '%🚲%'")).isEqualTo(1);
            assertThat(scalar(st, "select count(*) from products where thumbnail is not null")).isEqualTo(DemoStore.PRODUCTS / 50);
            assertThat(scalar(st, "select count(*) from order_totals")).isEqualTo(a.orders());
        }
    }

    @Test
    void rejectsANonPositiveScale() {
        assertThatThrownBy(() -> DemoStore.generate(dir.resolve("x.db"), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scale must be at least 1, was 0");
    }

    private static int scalar(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
