package dev.ferry.engine.catalog.mysql;

import dev.ferry.engine.catalog.CatalogPrinter;
import dev.ferry.engine.catalog.CatalogReaders;
import dev.ferry.engine.catalog.CatalogRequest;
import dev.ferry.engine.catalog.CatalogListener;
import dev.ferry.engine.sql.SqlScriptRunner;
import dev.ferry.model.schema.DatabaseModel;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.Index;
import dev.ferry.model.schema.Routine;
import dev.ferry.model.schema.Schema;
import dev.ferry.model.schema.Table;
import dev.ferry.testsupport.RequiresCorpus;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loads the Sakila sample (../shared/corpora/sakila-mysql) into a fresh database on the embedded MariaDB and reads it.
 * The scripts say {@code USE sakila} and the {@code actor_info} view qualifies tables as {@code sakila.film}; both are
 * rewritten to the database this test created (nothing else is changed).
 */
@RequiresCorpus
class SakilaCatalogIT {

    @Test
    void readsTheWholeSakilaSchema() throws Exception {
        Path dir = TestDatabases.corpus().orElseThrow().resolve("sakila-mysql");
        TestServer my = TestDatabases.mysql();
        String db = my.createDatabase("sakila");
        Pattern qualifier = Pattern.compile("\\bsakila\\b(?=\\s*;|\\s*$|\\.)");
        try (Connection c = my.connect(db)) {
            long t0 = System.nanoTime();
            int schemaStatements = SqlScriptRunner.run(c, "sakila-schema.sql", Files.readString(dir.resolve("sakila-schema.sql"), StandardCharsets.UTF_8),
                    SqlScriptRunner.Dialect.MYSQL, sql -> qualifier.matcher(sql).replaceAll(Matcher.quoteReplacement(db)));
            int dataStatements = SqlScriptRunner.run(c, "sakila-data.sql", Files.readString(dir.resolve("sakila-data.sql"), StandardCharsets.UTF_8),
                    SqlScriptRunner.Dialect.MYSQL, sql -> qualifier.matcher(sql).replaceAll(Matcher.quoteReplacement(db)));
            System.out.printf("SakilaCatalogIT: loaded %d + %d statements in %d ms%n", schemaStatements, dataStatements,
                    (System.nanoTime() - t0) / 1_000_000);
            try (ResultSet rs = c.createStatement().executeQuery("select count(*) from payment")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(16044); // rows of payment in sakila-data.sql
            }

            t0 = System.nanoTime();
            DatabaseModel model = CatalogReaders.forEngine(Engine.MYSQL).read(c, CatalogRequest.schemas(db), CatalogListener.NO_OP);
            System.out.printf("SakilaCatalogIT: catalog read took %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            System.out.println(CatalogPrinter.summary(model));

            Schema s = model.schema(db).orElseThrow();
            // sakila-schema.sql: 16 "CREATE TABLE", 7 "CREATE ... VIEW", 22 "FOREIGN KEY" clauses
            assertThat(s.tables()).hasSize(16);
            assertThat(s.views()).hasSize(7);
            assertThat(s.tables().stream().mapToInt(t -> t.foreignKeys().size()).sum()).isEqualTo(22);
            // sakila-schema.sql: CREATE PROCEDURE rewards_report, film_in_stock, film_not_in_stock;
            // CREATE FUNCTION get_customer_balance, inventory_held_by_customer, inventory_in_stock
            assertThat(s.routines().stream().filter(r -> r.kind() == Routine.Kind.PROCEDURE).map(Routine::name))
                    .containsExactly("film_in_stock", "film_not_in_stock", "rewards_report");
            assertThat(s.routines().stream().filter(r -> r.kind() == Routine.Kind.FUNCTION).map(Routine::name))
                    .containsExactly("get_customer_balance", "inventory_held_by_customer", "inventory_in_stock");
            // triggers: ins_film, upd_film, del_film in sakila-schema.sql; customer_create_date, payment_date, rental_date in sakila-data.sql
            assertThat(s.triggers()).extracting(t -> t.name())
                    .containsExactlyInAnyOrder("ins_film", "upd_film", "del_film", "customer_create_date", "payment_date", "rental_date");

            Table film = s.table("film").orElseThrow();
            assertThat(film.column("rating").orElseThrow().type().values()).containsExactly("G", "PG", "PG-13", "R", "NC-17");
            assertThat(film.column("rating").orElseThrow().defaultExpression()).isEqualTo("'G'");
            assertThat(film.column("special_features").orElseThrow().type().name()).isEqualTo("set");
            assertThat(film.column("film_id").orElseThrow().type().unsigned()).isTrue();
            assertThat(film.column("last_update").orElseThrow().onUpdate()).isEqualToIgnoringCase("current_timestamp()");
            assertThat(s.table("film_text").orElseThrow().indexes()).extracting(Index::method).contains("fulltext");
            // address.location and its SPATIAL KEY sit in /*!50705 ... */ comments: MySQL >= 5.7.5 runs them, MariaDB treats
            // 5.7+ version comments as MySQL-only and skips them, so on MariaDB the table has 8 columns and no spatial index
            Table address = s.table("address").orElseThrow();
            if (model.serverVersion().toLowerCase(java.util.Locale.ROOT).contains("mariadb")) {
                assertThat(address.columns()).hasSize(8);
                assertThat(address.column("location")).isEmpty();
            } else {
                assertThat(address.column("location").orElseThrow().type().name()).isEqualTo("geometry");
                assertThat(address.indexes()).extracting(Index::method).contains("spatial");
            }
            assertThat(s.table("payment").orElseThrow().estimatedRows()).isPositive();
            assertThat(s.routines().stream().filter(r -> r.name().equals("film_in_stock")).findFirst().orElseThrow().parameters())
                    .extracting(p -> p.mode() + " " + p.name()).containsExactly("IN p_film_id", "IN p_store_id", "OUT p_film_count");
        }
    }
}
