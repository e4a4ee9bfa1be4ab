package dev.ferry.app.convert;

import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.assess.ObjectStatus;
import dev.ferry.engine.catalog.CatalogListener;
import dev.ferry.engine.catalog.CatalogReaders;
import dev.ferry.engine.catalog.CatalogRequest;
import dev.ferry.engine.sql.SqlScriptRunner;
import dev.ferry.model.schema.Column;
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
 * MySQL → MySQL (homogeneous) on Sakila: the schema script is loaded into the embedded MariaDB (its {@code USE sakila}
 * and {@code sakila.} qualifiers pointed at the test's own database, as in SakilaCatalogIT), read with the catalog
 * reader, copied into another database and the copy's catalog compared with the source: every table, column type,
 * key, index (FULLTEXT, SPATIAL), view, routine and trigger.
 */
@RequiresCorpus
class MySqlToMySqlCorpusIT {

    @Test
    void sakila() throws Exception {
        Path dir = TestDatabases.corpus().orElseThrow().resolve("sakila-mysql");
        TestServer my = TestDatabases.mysql();
        String src = my.createDatabase("sakila_src");
        Pattern qualifier = Pattern.compile("\\bsakila\\b(?=\\s*;|\\s*$|\\.)");
        Schema source;
        try (Connection c = my.connect(src)) {
            SqlScriptRunner.run(c, "sakila-schema.sql", Files.readString(dir.resolve("sakila-schema.sql"), StandardCharsets.UTF_8),
                    SqlScriptRunner.Dialect.MYSQL, sql -> qualifier.matcher(sql).replaceAll(Matcher.quoteReplacement(src)));
            source = CatalogReaders.forEngine(Engine.MYSQL).read(c, CatalogRequest.schemas(src), CatalogListener.NO_OP)
                    .schema(src).orElseThrow();
        }
        MySqlTargetHarness.Run run = MySqlTargetHarness.run(Engine.MYSQL, source, "sakila_copy");
        System.out.println(run.figures("MySQL Sakila → MariaDB (homogeneous)"));
        PostgresToMySqlCorpusIT.compare(source, run);
        assertThat(run.count(ObjectStatus.MANUAL)).as("MANUAL objects").isZero();
        Schema copy = run.deployed();
        // exact column types, defaults and ON UPDATE
        for (Table s : source.tables()) {
            Table t = copy.table(s.name()).orElseThrow();
            for (Column c : s.columns()) {
                Column d = t.column(c.name()).orElseThrow();
                assertThat(d.type().declared()).as(s.name() + "." + c.name()).isEqualTo(c.type().declared());
                assertThat(d.defaultExpression()).as("default of " + s.name() + "." + c.name()).isEqualTo(c.defaultExpression());
                assertThat(d.onUpdate()).as("on update of " + s.name() + "." + c.name()).isEqualTo(c.onUpdate());
                assertThat(d.nullable()).isEqualTo(c.nullable());
                assertThat(d.identity() != null).isEqualTo(c.identity() != null);
            }
            assertThat(t.indexes().stream().map(Index::name).sorted().toList()).as("indexes of " + s.name())
                    .isEqualTo(s.indexes().stream().map(Index::name).sorted().toList());
            assertThat(t.options().get("engine")).isEqualTo(s.options().get("engine"));
        }
        assertThat(copy.table("film_text").orElseThrow().indexes()).anyMatch(i -> "fulltext".equals(i.method()));
        assertThat(copy.views()).hasSize(7);
        assertThat(copy.routines()).extracting(Routine::name).containsExactlyInAnyOrderElementsOf(
                source.routines().stream().map(Routine::name).toList());
        assertThat(copy.triggers()).extracting(t -> t.name()).containsExactlyInAnyOrder("ins_film", "upd_film", "del_film");
        // the copied views read the copy, not the source database
        try (Connection c = my.connect(run.database()); ResultSet rs = c.createStatement().executeQuery(
                "select VIEW_DEFINITION from information_schema.VIEWS where TABLE_SCHEMA = '" + run.database() + "'")) {
            while (rs.next()) {
                assertThat(rs.getString(1)).doesNotContain("`" + src + "`");
            }
        }
        // a copied function runs in the copy (no data: the balance of an unknown customer is 0)
        try (Connection c = my.connect(run.database()); ResultSet rs = c.createStatement().executeQuery(
                "select get_customer_balance(1, now()), inventory_in_stock(1)")) {
            rs.next();
            assertThat(rs.getBigDecimal(1)).isZero();
            assertThat(rs.getInt(2)).isEqualTo(1);
        }
        ConvertedObject fn = run.verified().objects().stream().filter(o -> o.name().equals("get_customer_balance")).findFirst().orElseThrow();
        assertThat(fn.convertedSql()).doesNotContain("DEFINER");
    }
}
