package dev.ferry.converter.parse.mysql;

import dev.ferry.model.schema.Column;
import dev.ferry.model.schema.ForeignKey;
import dev.ferry.model.schema.Index;
import dev.ferry.model.schema.Routine;
import dev.ferry.model.schema.Schema;
import dev.ferry.model.schema.Table;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MySqlScriptSchemaBuilderTest {

    private Schema build(String script) {
        MySqlParseResult parsed = new MySqlParserFacade().parse("t.sql", script).orThrow();
        return new MySqlScriptSchemaBuilder().build("shop", parsed);
    }

    @Test
    void tablesColumnsAndKeys() {
        Schema s = build("""
                USE shop;
                CREATE TABLE `Item` (
                  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
                  code CHAR(8) CHARACTER SET latin1 COLLATE latin1_bin NOT NULL COMMENT 'the code',
                  kind ENUM('a','b''c') DEFAULT 'a',
                  tags SET('x','y'),
                  price DECIMAL(8,2) ZEROFILL,
                  touched TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
                  total INT AS (id * 2) STORED,
                  doc TEXT,
                  parent_id BIGINT UNSIGNED,
                  PRIMARY KEY (id),
                  UNIQUE KEY uk_code (code),
                  KEY idx_doc (doc(10)),
                  FULLTEXT KEY ft_doc (doc),
                  CONSTRAINT fk_parent FOREIGN KEY (parent_id) REFERENCES shop.Item (id) ON DELETE SET NULL,
                  CHECK (price > 0)
                ) ENGINE=InnoDB AUTO_INCREMENT=42 DEFAULT CHARSET=utf8mb4 COMMENT='items'
                PARTITION BY HASH (id) PARTITIONS 4;
                CREATE TABLE other.ignored (x INT);
                CREATE TABLE gone (x INT);
                DROP TABLE IF EXISTS gone;
                CREATE INDEX idx_kind ON Item (kind DESC);
                """);
        assertThat(s.tables()).extracting(Table::name).containsExactly("Item");
        Table t = s.table("item").orElseThrow();
        Column id = t.column("id").orElseThrow();
        assertThat(id.type().unsigned()).isTrue();
        assertThat(id.identity().start()).isEqualTo(42L);
        assertThat(id.nullable()).isFalse();
        Column code = t.column("code").orElseThrow();
        assertThat(code.type().length()).isEqualTo(8L);
        assertThat(code.charset()).isEqualTo("latin1");
        assertThat(code.collation()).isEqualTo("latin1_bin");
        assertThat(code.comment()).isEqualTo("the code");
        assertThat(t.column("kind").orElseThrow().type().values()).containsExactly("a", "b'c");
        assertThat(t.column("kind").orElseThrow().defaultExpression()).isEqualTo("'a'");
        assertThat(t.column("tags").orElseThrow().type().name()).isEqualTo("set");
        assertThat(t.column("price").orElseThrow().type().zerofill()).isTrue();
        Column touched = t.column("touched").orElseThrow();
        assertThat(touched.type().length()).isEqualTo(3L);
        assertThat(touched.onUpdate()).isEqualTo("CURRENT_TIMESTAMP(3)");
        assertThat(t.column("total").orElseThrow().generated()).isEqualTo("id * 2");
        assertThat(t.column("total").orElseThrow().generatedStored()).isTrue();
        assertThat(t.primaryKey().columns()).containsExactly("id");
        assertThat(t.uniqueKeys()).extracting(k -> k.name()).containsExactly("uk_code");
        assertThat(t.indexes()).extracting(Index::name, Index::method).containsExactly(
                org.assertj.core.groups.Tuple.tuple("idx_doc", "btree"), org.assertj.core.groups.Tuple.tuple("ft_doc", "fulltext"),
                org.assertj.core.groups.Tuple.tuple("idx_kind", "btree"));
        assertThat(t.indexes().get(0).elements().get(0).prefixLength()).isEqualTo(10);
        assertThat(t.indexes().get(2).elements().get(0).descending()).isTrue();
        ForeignKey fk = t.foreignKeys().get(0);
        assertThat(fk.referencedTable()).isEqualTo("Item");
        assertThat(fk.onDelete()).isEqualTo(ForeignKey.Action.SET_NULL);
        assertThat(t.checks()).extracting(c -> c.expression()).containsExactly("price > 0");
        assertThat(t.comment()).isEqualTo("items");
        assertThat(t.options()).containsEntry("engine", "InnoDB").containsEntry("charset", "utf8mb4");
        assertThat(t.partitioning().method()).isEqualTo("hash");
        assertThat(t.partitioning().partitions()).hasSize(4);
    }

    @Test
    void viewsRoutinesAndTriggers() {
        Schema s = build("""
                CREATE TABLE t (a INT);
                CREATE VIEW v (x) AS SELECT a FROM t WITH CHECK OPTION;
                DELIMITER //
                CREATE FUNCTION f(p INT) RETURNS INT DETERMINISTIC RETURN p + 1 //
                CREATE PROCEDURE p() BEGIN SELECT 1; END //
                CREATE TRIGGER trg BEFORE UPDATE ON t FOR EACH ROW SET NEW.a = 1 //
                DELIMITER ;
                """);
        assertThat(s.views()).hasSize(1);
        assertThat(s.views().get(0).definition()).isEqualTo("SELECT a FROM t");
        assertThat(s.views().get(0).columns()).extracting(Column::name).containsExactly("x");
        assertThat(s.views().get(0).checkOption()).isEqualTo("CHECK OPTION");
        assertThat(s.routines()).extracting(Routine::name, Routine::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("f", Routine.Kind.FUNCTION), org.assertj.core.groups.Tuple.tuple("p", Routine.Kind.PROCEDURE));
        assertThat(s.triggers()).hasSize(1);
        assertThat(s.triggers().get(0).table()).isEqualTo("t");
        assertThat(s.triggers().get(0).events()).isEqualTo(List.of("UPDATE"));
    }
}
