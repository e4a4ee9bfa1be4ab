package dev.ferry.engine.catalog.mysql;

import dev.ferry.engine.catalog.CatalogPrinter;
import dev.ferry.engine.catalog.CatalogReaders;
import dev.ferry.engine.catalog.CatalogRequest;
import dev.ferry.engine.catalog.CatalogListener;
import dev.ferry.model.schema.Column;
import dev.ferry.model.schema.DataType;
import dev.ferry.model.schema.DatabaseModel;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.ForeignKey;
import dev.ferry.model.schema.Identity;
import dev.ferry.model.schema.Index;
import dev.ferry.model.schema.ModelJson;
import dev.ferry.model.schema.Routine;
import dev.ferry.model.schema.Schema;
import dev.ferry.model.schema.Table;
import dev.ferry.model.schema.Trigger;
import dev.ferry.model.schema.View;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MySqlCatalogReaderIT {

    static TestServer my;
    static String db;
    static DatabaseModel model;
    static Schema s;

    @BeforeAll
    static void createAndRead() throws Exception {
        my = TestDatabases.mysql();
        db = my.createDatabase("catalog_my");
        my.execute(db,
                """
                create table category (
                  id smallint unsigned not null auto_increment primary key,
                  name varchar(40) not null,
                  unique key category_name_uk (name)
                ) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin comment='Film categories' auto_increment=50""",
                """
                create table item (
                  id int(8) unsigned zerofill not null auto_increment,
                  category_id smallint unsigned,
                  parent_id int(8) unsigned zerofill,
                  other_id smallint unsigned,
                  kind enum('small','it''s big','a,b') not null default 'small',
                  flags set('x','y','z') default 'x,y',
                  made year,
                  doc json,
                  price decimal(10,2) default 1.50 check (price >= 0),
                  label varchar(20) default 'NULL' comment 'Literal NULL text',
                  note varchar(20) default null,
                  quote varchar(20) default 'it''s',
                  code char(5) character set latin1 collate latin1_bin,
                  body text,
                  spot point not null,
                  bits bit(3) default b'101',
                  ratio float(7,3),
                  happened datetime(6),
                  changed timestamp(3) not null default current_timestamp(3) on update current_timestamp(3),
                  double_price decimal(11,2) as (price * 2) stored,
                  label_len int as (char_length(label)) virtual,
                  primary key (id),
                  key item_prefix_ix (label(5), code desc),
                  fulltext key item_body_ft (body),
                  spatial key item_spot_sp (spot),
                  constraint item_category_fk foreign key (category_id) references category (id) on delete set null on update cascade,
                  constraint item_parent_fk foreign key (parent_id) references item (id) on delete cascade,
                  constraint item_other_fk foreign key (other_id) references category (id) on delete restrict on update no action,
                  constraint item_positive check (ratio > 0 or ratio is null)
                ) engine=InnoDB comment='Things'""",
                """
                create table sales (id int not null, sold date not null, amount int, primary key (id, sold))
                partition by range columns (sold) (
                  partition p2024 values less than ('2025-01-01'),
                  partition pmax values less than (maxvalue))""",
                "create table hashed (id int primary key) partition by hash (id) partitions 3",
                "create table listed (id int primary key) partition by list (id) (partition odd values in (1,3,5), partition even values in (2,4))",
                "insert into category (name) values ('a'), ('b')",
                "create view cheap_items as select id, label, price from item where price < 10 with cascaded check option",
                "create view category_names as select name from category",
                """
                create procedure add_category(in p_name varchar(40), out p_id int, inout p_count int)
                comment 'Adds a category'
                begin
                  insert into category (name) values (p_name);
                  set p_id = last_insert_id();
                  set p_count = p_count + 1;
                end""",
                "create function item_count(p_category smallint) returns int deterministic reads sql data return (select count(*) from item where category_id = p_category)",
                "create trigger item_bi before insert on item for each row set new.label = upper(new.label)",
                "create trigger category_ad after delete on category for each row delete from item where category_id = old.id",
                "create sequence invoice_seq start with 10 increment by 5 maxvalue 1000 cycle");
        try (Connection c = my.connect(db)) {
            long t0 = System.nanoTime();
            model = CatalogReaders.forEngine(Engine.MYSQL).read(c, CatalogRequest.schemas(db), CatalogListener.NO_OP);
            System.out.printf("MySqlCatalogReaderIT: read took %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        }
        s = model.schema(db).orElseThrow();
    }

    @Test
    void tablesAndOptions() {
        assertThat(model.engine()).isEqualTo(Engine.MYSQL);
        assertThat(model.serverVersion()).containsIgnoringCase("mariadb");
        assertThat(s.tables()).extracting(Table::name).containsExactly("category", "hashed", "item", "listed", "sales");
        Table cat = s.table("category").orElseThrow();
        assertThat(cat.options()).containsEntry("engine", "InnoDB").containsEntry("charset", "utf8mb4").containsEntry("collation", "utf8mb4_bin");
        assertThat(cat.comment()).isEqualTo("Film categories");
        assertThat(cat.estimatedRows()).isGreaterThanOrEqualTo(0);
        assertThat(cat.sizeBytes()).isPositive();
        Identity id = cat.column("id").orElseThrow().identity();
        assertThat(id.kind()).isEqualTo(Identity.Kind.AUTO_INCREMENT);
        assertThat(id.start()).isEqualTo(52L);
    }

    @Test
    void columnTypes() {
        Table t = s.table("item").orElseThrow();
        DataType idType = t.column("id").orElseThrow().type();
        assertThat(idType.name()).isEqualTo("int");
        assertThat(idType.unsigned()).isTrue();
        assertThat(idType.zerofill()).isTrue();
        assertThat(idType.declared()).isEqualTo("int(8) unsigned zerofill");
        DataType kind = t.column("kind").orElseThrow().type();
        assertThat(kind.name()).isEqualTo("enum");
        assertThat(kind.values()).containsExactly("small", "it's big", "a,b");
        assertThat(t.column("flags").orElseThrow().type().values()).containsExactly("x", "y", "z");
        assertThat(t.column("made").orElseThrow().type().name()).isEqualTo("year");
        Column doc = t.column("doc").orElseThrow();
        assertThat(doc.type().name()).isEqualTo("json");
        DataType price = t.column("price").orElseThrow().type();
        assertThat(price.precision()).isEqualTo(10);
        assertThat(price.scale()).isEqualTo(2);
        Column code = t.column("code").orElseThrow();
        assertThat(code.type().length()).isEqualTo(5L);
        assertThat(code.charset()).isEqualTo("latin1");
        assertThat(code.collation()).isEqualTo("latin1_bin");
        assertThat(t.column("bits").orElseThrow().type().length()).isEqualTo(3L);
        assertThat(t.column("ratio").orElseThrow().type().precision()).isEqualTo(7);
        assertThat(t.column("ratio").orElseThrow().type().scale()).isEqualTo(3);
        assertThat(t.column("happened").orElseThrow().type().precision()).isEqualTo(6);
        assertThat(t.column("spot").orElseThrow().type().name()).isEqualTo("point");
        assertThat(t.column("label").orElseThrow().comment()).isEqualTo("Literal NULL text");
        assertThat(t.comment()).isEqualTo("Things");
    }

    @Test
    void defaultsAreNormalisedToSqlText() {
        Table t = s.table("item").orElseThrow();
        assertThat(t.column("kind").orElseThrow().defaultExpression()).isEqualTo("'small'");
        assertThat(t.column("flags").orElseThrow().defaultExpression()).isEqualTo("'x,y'");
        assertThat(t.column("price").orElseThrow().defaultExpression()).isEqualTo("1.50");
        assertThat(t.column("label").orElseThrow().defaultExpression()).isEqualTo("'NULL'");
        assertThat(t.column("note").orElseThrow().defaultExpression()).isNull();
        assertThat(t.column("body").orElseThrow().defaultExpression()).isNull();
        assertThat(t.column("quote").orElseThrow().defaultExpression()).isEqualTo("'it''s'");
        assertThat(t.column("bits").orElseThrow().defaultExpression()).isEqualTo("b'101'");
        Column changed = t.column("changed").orElseThrow();
        assertThat(changed.defaultExpression()).isEqualToIgnoringCase("current_timestamp(3)");
        assertThat(changed.onUpdate()).isEqualToIgnoringCase("current_timestamp(3)");
        assertThat(changed.nullable()).isFalse();
        assertThat(changed.type().precision()).isEqualTo(3);
    }

    @Test
    void generatedColumns() {
        Table t = s.table("item").orElseThrow();
        Column stored = t.column("double_price").orElseThrow();
        assertThat(stored.generated()).isEqualTo("`price` * 2");
        assertThat(stored.generatedStored()).isTrue();
        assertThat(stored.defaultExpression()).isNull();
        Column virtual = t.column("label_len").orElseThrow();
        assertThat(virtual.generated()).isEqualTo("char_length(`label`)");
        assertThat(virtual.generatedStored()).isFalse();
    }

    @Test
    void keysAndChecks() {
        Table t = s.table("item").orElseThrow();
        assertThat(t.primaryKey().columns()).containsExactly("id");
        assertThat(s.table("sales").orElseThrow().primaryKey().columns()).containsExactly("id", "sold");
        assertThat(s.table("category").orElseThrow().uniqueKeys()).singleElement()
                .satisfies(u -> assertThat(u.name() + u.columns()).isEqualTo("category_name_uk[name]"));
        List<ForeignKey> fks = t.foreignKeys();
        assertThat(fks).extracting(ForeignKey::name).containsExactly("item_category_fk", "item_other_fk", "item_parent_fk");
        assertThat(fks.get(0).onDelete()).isEqualTo(ForeignKey.Action.SET_NULL);
        assertThat(fks.get(0).onUpdate()).isEqualTo(ForeignKey.Action.CASCADE);
        assertThat(fks.get(0).referencedSchema()).isEqualTo(db);
        assertThat(fks.get(0).referencedTable()).isEqualTo("category");
        assertThat(fks.get(0).referencedColumns()).containsExactly("id");
        assertThat(fks.get(1).onDelete()).isEqualTo(ForeignKey.Action.RESTRICT);
        assertThat(fks.get(1).onUpdate()).isEqualTo(ForeignKey.Action.NO_ACTION);
        assertThat(fks.get(2).onDelete()).isEqualTo(ForeignKey.Action.CASCADE);
        assertThat(fks.get(2).referencedTable()).isEqualTo("item");
        assertThat(t.checks()).extracting(ch -> ch.name() + ": " + ch.expression())
                .containsExactlyInAnyOrder("item_positive: `ratio` > 0 or `ratio` is null", "price: `price` >= 0");
    }

    @Test
    void indexes() {
        Table t = s.table("item").orElseThrow();
        Index prefix = t.indexes().stream().filter(i -> i.name().equals("item_prefix_ix")).findFirst().orElseThrow();
        assertThat(prefix.elements()).containsExactly(new Index.Element("label", null, false, 5), new Index.Element("code", null, true, null));
        assertThat(prefix.method()).isEqualTo("btree");
        assertThat(prefix.unique()).isFalse();
        Index ft = t.indexes().stream().filter(i -> i.name().equals("item_body_ft")).findFirst().orElseThrow();
        assertThat(ft.method()).isEqualTo("fulltext");
        Index sp = t.indexes().stream().filter(i -> i.name().equals("item_spot_sp")).findFirst().orElseThrow();
        assertThat(sp.method()).isEqualTo("spatial");
        assertThat(sp.elements()).containsExactly(Index.Element.column("spot"));
        Index pk = t.indexes().stream().filter(i -> i.name().equals("PRIMARY")).findFirst().orElseThrow();
        assertThat(pk.constraintBacked()).isTrue();
        assertThat(pk.unique()).isTrue();
        Index uk = s.table("category").orElseThrow().indexes().stream().filter(i -> i.name().equals("category_name_uk")).findFirst().orElseThrow();
        assertThat(uk.constraintBacked()).isTrue();
        Index fkIx = t.indexes().stream().filter(i -> i.name().equals("item_category_fk")).findFirst().orElseThrow();
        assertThat(fkIx.constraintBacked()).isFalse();
    }

    @Test
    void partitioning() {
        Table sales = s.table("sales").orElseThrow();
        assertThat(sales.kind()).isEqualTo(Table.Kind.PARTITIONED);
        assertThat(sales.partitioning().method()).isEqualTo("range columns");
        assertThat(sales.partitioning().keys()).containsExactly("sold");
        assertThat(sales.partitioning().partitions()).extracting(p -> p.name() + " " + p.bound())
                .containsExactly("p2024 VALUES LESS THAN ('2025-01-01')", "pmax VALUES LESS THAN MAXVALUE");
        assertThat(s.table("hashed").orElseThrow().partitioning().partitions()).extracting(p -> p.name() + " " + p.bound())
                .containsExactly("p0 null", "p1 null", "p2 null");
        assertThat(s.table("listed").orElseThrow().partitioning().partitions()).extracting(p -> p.name() + " " + p.bound())
                .containsExactly("odd VALUES IN (1,3,5)", "even VALUES IN (2,4)");
        assertThat(s.table("item").orElseThrow().partitioning()).isNull();
    }

    @Test
    void views() {
        assertThat(s.views()).extracting(View::name).containsExactly("category_names", "cheap_items");
        View v = s.view("cheap_items").orElseThrow();
        assertThat(v.checkOption()).isEqualTo("CASCADED");
        assertThat(v.definition()).contains("`price` < 10");
        assertThat(v.columns()).extracting(Column::name).containsExactly("id", "label", "price");
        assertThat(v.columns().get(2).type().precision()).isEqualTo(10);
        assertThat(s.view("category_names").orElseThrow().checkOption()).isNull();
    }

    @Test
    void routinesAndTriggers() {
        assertThat(s.routines()).extracting(Routine::name).containsExactly("add_category", "item_count");
        Routine p = s.routines().get(0);
        assertThat(p.kind()).isEqualTo(Routine.Kind.PROCEDURE);
        assertThat(p.parameters()).containsExactly(
                new Routine.Parameter("p_name", "IN", "varchar(40)", null),
                new Routine.Parameter("p_id", "OUT", "int(11)", null),
                new Routine.Parameter("p_count", "INOUT", "int(11)", null));
        assertThat(p.comment()).isEqualTo("Adds a category");
        assertThat(p.source()).startsWith("CREATE DEFINER=").contains("PROCEDURE `add_category`").contains("set p_count = p_count + 1;");
        Routine f = s.routines().get(1);
        assertThat(f.kind()).isEqualTo(Routine.Kind.FUNCTION);
        assertThat(f.returnType()).isEqualTo("int(11)");
        assertThat(f.deterministic()).isTrue();
        assertThat(f.parameters()).containsExactly(new Routine.Parameter("p_category", "IN", "smallint(6)", null));
        assertThat(s.triggers()).extracting(Trigger::name).containsExactly("category_ad", "item_bi");
        Trigger bi = s.triggers().get(1);
        assertThat(bi.table()).isEqualTo("item");
        assertThat(bi.timing()).isEqualTo(Trigger.Timing.BEFORE);
        assertThat(bi.events()).containsExactly("INSERT");
        assertThat(bi.level()).isEqualTo(Trigger.Level.ROW);
        assertThat(bi.source()).contains("trigger item_bi before insert on item for each row set new.label = upper(new.label)");
        assertThat(s.triggers().get(0).timing()).isEqualTo(Trigger.Timing.AFTER);
        assertThat(s.triggers().get(0).events()).containsExactly("DELETE");
    }

    @Test
    void mariaDbSequence() {
        assertThat(s.sequences()).singleElement().satisfies(q -> {
            assertThat(q.name()).isEqualTo("invoice_seq");
            assertThat(q.start()).isEqualTo(10L);
            assertThat(q.increment()).isEqualTo(5L);
            assertThat(q.maxValue()).isEqualTo(1000L);
            assertThat(q.cycle()).isTrue();
        });
    }

    @Test
    void allSchemasSkipSystemDatabases() throws Exception {
        try (Connection c = my.connect(db)) {
            DatabaseModel all = CatalogReaders.forEngine(Engine.MYSQL).read(c);
            assertThat(all.schemas()).extracting(Schema::name).contains(db)
                    .doesNotContain("mysql", "information_schema", "performance_schema", "sys");
        }
    }

    @Test
    void jsonRoundTripAndSummary() {
        assertThat(ModelJson.read(ModelJson.write(model))).isEqualTo(model);
        assertThat(CatalogPrinter.summary(model)).contains(db + ": 5 tables, 2 views, 1 sequence, 2 routines, 2 triggers, 0 types")
                .containsPattern("item +21 columns  PK\\(id\\)  0 unique  3 FK  2 checks  7 indexes");
    }
}
