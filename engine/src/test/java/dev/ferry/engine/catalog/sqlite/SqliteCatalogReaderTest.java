package dev.ferry.engine.catalog.sqlite;

import dev.ferry.engine.catalog.CatalogListener;
import dev.ferry.engine.catalog.CatalogPrinter;
import dev.ferry.engine.catalog.CatalogReaders;
import dev.ferry.engine.catalog.CatalogRequest;
import dev.ferry.model.schema.CheckConstraint;
import dev.ferry.model.schema.Column;
import dev.ferry.model.schema.DatabaseModel;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.ForeignKey;
import dev.ferry.model.schema.Identity;
import dev.ferry.model.schema.Index;
import dev.ferry.model.schema.ModelJson;
import dev.ferry.model.schema.Schema;
import dev.ferry.model.schema.Table;
import dev.ferry.model.schema.Trigger;
import dev.ferry.model.schema.View;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SqliteCatalogReaderTest {

    @TempDir
    static Path dir;
    static DatabaseModel model;
    static Schema s;

    @BeforeAll
    static void createAndRead() throws Exception {
        Path file = dir.resolve("shop.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            for (String sql : List.of(
                    "PRAGMA foreign_keys = ON",
                    """
                    CREATE TABLE "category" (
                      id INTEGER PRIMARY KEY AUTOINCREMENT,
                      name VARCHAR(40) NOT NULL COLLATE NOCASE CONSTRAINT category_name_uk UNIQUE,
                      parent_id INTEGER REFERENCES category ON DELETE SET NULL
                    )""",
                    """
                    CREATE TABLE [item] (
                      [item id] INTEGER NOT NULL,
                      category_id INTEGER,
                      price NUMERIC(10,2) DEFAULT 0 CONSTRAINT price_positive CHECK (price >= 0),
                      label NVARCHAR(70) DEFAULT 'n/a',
                      qty INT DEFAULT (1 + 1),
                      total REAL GENERATED ALWAYS AS (price * qty) STORED,
                      label_len INTEGER AS (length(label)) VIRTUAL,
                      anything,
                      CONSTRAINT item_pk PRIMARY KEY ([item id]),
                      CONSTRAINT item_category_fk FOREIGN KEY (category_id) REFERENCES category (id)
                          ON DELETE CASCADE ON UPDATE RESTRICT DEFERRABLE INITIALLY DEFERRED,
                      CHECK (qty > 0 AND label <> 'it''s, (odd)')
                    )""",
                    "CREATE TABLE kv (k TEXT PRIMARY KEY, v BLOB) WITHOUT ROWID",
                    "CREATE TABLE strict_t (id INTEGER PRIMARY KEY, n TEXT NOT NULL) STRICT",
                    "CREATE INDEX item_expr_ix ON item (lower(label) DESC, category_id)",
                    "CREATE UNIQUE INDEX item_partial_ix ON item (label) WHERE price > 100",
                    "CREATE VIEW cheap AS SELECT [item id] AS id, label FROM item WHERE price < 10",
                    """
                    CREATE TRIGGER item_bu BEFORE UPDATE OF price, qty ON item FOR EACH ROW WHEN new.price < 0
                    BEGIN SELECT RAISE(ABORT, 'negative'); END""",
                    "CREATE TRIGGER cheap_ii INSTEAD OF INSERT ON cheap BEGIN INSERT INTO item ([item id], label) VALUES (new.id, new.label); END",
                    "CREATE TRIGGER category_ad AFTER DELETE ON category BEGIN DELETE FROM item WHERE category_id = old.id; END",
                    "INSERT INTO category (name) VALUES ('a'), ('b'), ('c')",
                    "INSERT INTO item ([item id], category_id, price, qty) VALUES (1, 1, 5, 1), (2, 1, 50, 2)")) {
                st.execute(sql);
            }
            long t0 = System.nanoTime();
            model = CatalogReaders.forEngine(Engine.SQLITE).read(c, CatalogRequest.all(), CatalogListener.NO_OP);
            System.out.printf("SqliteCatalogReaderTest: read took %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        }
        s = model.schema("main").orElseThrow();
    }

    @Test
    void tablesAndOptions() {
        assertThat(model.engine()).isEqualTo(Engine.SQLITE);
        assertThat(model.database()).isEqualTo("shop.db");
        assertThat(model.serverVersion()).startsWith("3.");
        assertThat(s.tables()).extracting(Table::name).containsExactly("category", "item", "kv", "strict_t");
        assertThat(s.table("kv").orElseThrow().options()).containsEntry("without_rowid", "true");
        assertThat(s.table("strict_t").orElseThrow().options()).containsEntry("strict", "true").containsEntry("rowid_alias", "id");
        assertThat(s.table("category").orElseThrow().estimatedRows()).isEqualTo(3);
        assertThat(s.table("item").orElseThrow().estimatedRows()).isEqualTo(2);
    }

    @Test
    void columns() {
        Table item = s.table("item").orElseThrow();
        assertThat(item.columns()).extracting(Column::name)
                .containsExactly("item id", "category_id", "price", "label", "qty", "total", "label_len", "anything");
        Column price = item.column("price").orElseThrow();
        assertThat(price.type().name()).isEqualTo("numeric");
        assertThat(price.type().precision()).isEqualTo(10);
        assertThat(price.type().scale()).isEqualTo(2);
        assertThat(price.defaultExpression()).isEqualTo("0");
        Column label = item.column("label").orElseThrow();
        assertThat(label.type().name()).isEqualTo("nvarchar");
        assertThat(label.type().length()).isEqualTo(70L);
        assertThat(label.type().declared()).isEqualTo("NVARCHAR(70)");
        assertThat(label.defaultExpression()).isEqualTo("'n/a'");
        assertThat(item.column("qty").orElseThrow().defaultExpression()).isEqualTo("1 + 1");
        Column total = item.column("total").orElseThrow();
        assertThat(total.generated()).isEqualTo("price * qty");
        assertThat(total.generatedStored()).isTrue();
        Column len = item.column("label_len").orElseThrow();
        assertThat(len.generated()).isEqualTo("length(label)");
        assertThat(len.generatedStored()).isFalse();
        Column any = item.column("anything").orElseThrow();
        assertThat(any.type().name()).isEqualTo("none");
        assertThat(any.type().declared()).isEmpty();
        assertThat(item.column("item id").orElseThrow().nullable()).isFalse();
        Column name = s.table("category").orElseThrow().column("name").orElseThrow();
        assertThat(name.collation()).isEqualTo("NOCASE");
        assertThat(name.nullable()).isFalse();
    }

    @Test
    void identityKeysAndChecks() {
        Table cat = s.table("category").orElseThrow();
        Identity id = cat.column("id").orElseThrow().identity();
        assertThat(id.kind()).isEqualTo(Identity.Kind.AUTOINCREMENT);
        assertThat(id.start()).isEqualTo(4L);
        assertThat(cat.primaryKey().columns()).containsExactly("id");
        assertThat(cat.uniqueKeys()).singleElement().satisfies(u -> {
            assertThat(u.name()).isEqualTo("category_name_uk");
            assertThat(u.columns()).containsExactly("name");
        });
        Table item = s.table("item").orElseThrow();
        assertThat(item.primaryKey().name()).isEqualTo("item_pk");
        assertThat(item.primaryKey().columns()).containsExactly("item id");
        assertThat(item.column("item id").orElseThrow().identity()).isNull();
        assertThat(item.checks()).containsExactly(
                new CheckConstraint("price_positive", "price >= 0", true),
                new CheckConstraint(null, "qty > 0 AND label <> 'it''s, (odd)'", true));
    }

    @Test
    void foreignKeys() {
        ForeignKey fk = s.table("item").orElseThrow().foreignKeys().get(0);
        assertThat(fk.name()).isEqualTo("item_category_fk");
        assertThat(fk.columns()).containsExactly("category_id");
        assertThat(fk.referencedTable()).isEqualTo("category");
        assertThat(fk.referencedColumns()).containsExactly("id");
        assertThat(fk.onDelete()).isEqualTo(ForeignKey.Action.CASCADE);
        assertThat(fk.onUpdate()).isEqualTo(ForeignKey.Action.RESTRICT);
        assertThat(fk.deferrable()).isTrue();
        assertThat(fk.initiallyDeferred()).isTrue();
        ForeignKey self = s.table("category").orElseThrow().foreignKeys().get(0);
        assertThat(self.columns()).containsExactly("parent_id");
        assertThat(self.referencedColumns()).containsExactly("id"); // implicit: the parent's primary key
        assertThat(self.onDelete()).isEqualTo(ForeignKey.Action.SET_NULL);
        assertThat(self.deferrable()).isFalse();
    }

    @Test
    void indexes() {
        Table item = s.table("item").orElseThrow();
        assertThat(item.indexes()).extracting(Index::name)
                .containsExactly("item_expr_ix", "item_partial_ix"); // the INTEGER primary key is the rowid: no index
        Index expr = item.indexes().get(0);
        assertThat(expr.elements()).containsExactly(new Index.Element(null, "lower(label)", true, null), Index.Element.column("category_id"));
        assertThat(expr.constraintBacked()).isFalse();
        Index partial = item.indexes().get(1);
        assertThat(partial.unique()).isTrue();
        assertThat(partial.where()).isEqualTo("price > 100");
        assertThat(item.options()).containsEntry("rowid_alias", "item id");
        Index unique = s.table("category").orElseThrow().indexes().get(0);
        assertThat(unique.name()).isEqualTo("sqlite_autoindex_category_1");
        assertThat(unique.unique()).isTrue();
        assertThat(unique.constraintBacked()).isTrue();
        assertThat(unique.elements()).containsExactly(Index.Element.column("name"));
    }

    @Test
    void viewsAndTriggers() {
        View v = s.view("cheap").orElseThrow();
        assertThat(v.definition()).isEqualTo("SELECT [item id] AS id, label FROM item WHERE price < 10");
        assertThat(v.columns()).extracting(Column::name).containsExactly("id", "label");
        assertThat(s.triggers()).extracting(Trigger::name).containsExactly("category_ad", "cheap_ii", "item_bu");
        Trigger bu = s.triggers().get(2);
        assertThat(bu.table()).isEqualTo("item");
        assertThat(bu.timing()).isEqualTo(Trigger.Timing.BEFORE);
        assertThat(bu.events()).containsExactly("UPDATE");
        assertThat(bu.updateColumns()).containsExactly("price", "qty");
        assertThat(bu.when()).isEqualTo("new.price < 0");
        assertThat(bu.level()).isEqualTo(Trigger.Level.ROW);
        assertThat(bu.source()).contains("RAISE(ABORT, 'negative')");
        assertThat(s.triggers().get(1).timing()).isEqualTo(Trigger.Timing.INSTEAD_OF);
        assertThat(s.triggers().get(1).events()).containsExactly("INSERT");
        assertThat(s.triggers().get(0).timing()).isEqualTo(Trigger.Timing.AFTER);
        assertThat(s.triggers().get(0).events()).containsExactly("DELETE");
        assertThat(s.triggers().get(0).when()).isNull();
    }

    @Test
    void rowCountsOnlyWhenAsked() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("shop.db"))) {
            DatabaseModel lean = CatalogReaders.forEngine(Engine.SQLITE).read(c, CatalogRequest.all().withRowEstimates(false), CatalogListener.NO_OP);
            assertThat(lean.schema("main").orElseThrow().table("item").orElseThrow().estimatedRows()).isEqualTo(-1);
            assertThat(CatalogReaders.forEngine(Engine.SQLITE).read(c, CatalogRequest.schemas("other"), CatalogListener.NO_OP).schemas()).isEmpty();
        }
    }

    @Test
    void jsonRoundTripAndSummary() {
        assertThat(ModelJson.read(ModelJson.write(model))).isEqualTo(model);
        assertThat(CatalogPrinter.summary(model)).contains("main: 4 tables, 1 view, 0 sequences, 0 routines, 3 triggers, 0 types");
    }
}
