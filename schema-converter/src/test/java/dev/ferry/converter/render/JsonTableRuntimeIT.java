package dev.ferry.converter.render;

import dev.ferry.converter.assess.ConversionResult;
import dev.ferry.converter.verify.ScratchDeployVerifier;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The converted JSON_TABLE views of the {@code json_table} golden case return the rows Oracle's JSON_TABLE returns:
 * deployed for real into the embedded PostgreSQL, then queried over inserted documents.
 */
class JsonTableRuntimeIT {

    private static List<String> rows(Statement st, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    sb.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                out.add(sb.toString());
            }
        }
        return out;
    }

    @Test
    void convertedJsonTableViewsReturnOracleRows() throws Exception {
        ConversionResult conversion = GoldenCases.convert("json_table");
        TestServer pg = TestDatabases.postgres();
        try (Connection c = pg.connect(pg.createDatabase("rt_json_table")); Statement st = c.createStatement()) {
            ScratchDeployVerifier.Outcome outcome = new ScratchDeployVerifier(c).deploy(conversion);
            assertThat(outcome.errors()).containsOnlyKeys("VIEW:golden.order_has_gift", "VIEW:golden.order_big_lines",
                    "VIEW:golden.order_strict");
            // product_details is a BLOB in Oracle (bytea here): the view decodes it as UTF-8
            st.execute("INSERT INTO golden.products VALUES "
                    + "(1, 'shirt', convert_to('{\"colour\":\"white\",\"reviews\":[{\"rating\":5,\"review\":\"great\"},"
                    + "{\"rating\":2,\"review\":\"small\"}]}', 'UTF8')), "
                    + "(2, 'hat', convert_to('{\"colour\":\"red\",\"reviews\":[]}', 'UTF8')), "
                    + "(3, 'sock', NULL)");
            // NESTED PATH is an outer join: a product without reviews keeps one row; a NULL document gives none
            assertThat(rows(st, "SELECT product_name, rating, review FROM golden.product_reviews ORDER BY product_name, rating"))
                    .containsExactly("hat|null|null", "shirt|2|small", "shirt|5|great");

            st.execute("INSERT INTO golden.orders_doc VALUES "
                    + "(10, '{\"order\":{\"lines\":[{\"sku\":\"A1\",\"qty\":3,\"ship\":{\"city\":\"Oslo\"}},"
                    + "{\"sku\":\"B2\",\"qty\":12}]}}'), "
                    + "(11, '{\"order\":{}}')");
            // FOR ORDINALITY numbers the lines, a column without PATH reads $.<name>, a missing member is NULL (lax)
            assertThat(rows(st, "SELECT order_id, line_no, sku, qty, city FROM golden.order_lines ORDER BY order_id, line_no"))
                    .containsExactly("10|1|A1|3|Oslo", "10|2|B2|12|null");
        }
    }
}
