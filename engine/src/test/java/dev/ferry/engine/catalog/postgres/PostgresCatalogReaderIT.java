package dev.ferry.engine.catalog.postgres;

import dev.ferry.engine.catalog.CatalogListener;
import dev.ferry.engine.catalog.CatalogPrinter;
import dev.ferry.engine.catalog.CatalogReaders;
import dev.ferry.engine.catalog.CatalogRequest;
import dev.ferry.model.schema.Column;
import dev.ferry.model.schema.DatabaseModel;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.ForeignKey;
import dev.ferry.model.schema.Identity;
import dev.ferry.model.schema.Index;
import dev.ferry.model.schema.ModelJson;
import dev.ferry.model.schema.Routine;
import dev.ferry.model.schema.Schema;
import dev.ferry.model.schema.Sequence;
import dev.ferry.model.schema.Table;
import dev.ferry.model.schema.Trigger;
import dev.ferry.model.schema.UserType;
import dev.ferry.model.schema.View;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresCatalogReaderIT {

    static TestServer pg;
    static String db;
    static DatabaseModel model;
    static Schema s;
    static final List<String> progress = new ArrayList<>();

    @BeforeAll
    static void createAndRead() throws Exception {
        pg = TestDatabases.postgres();
        db = pg.createDatabase("catalog_pg");
        pg.execute(db,
                "create schema shop",
                "create type shop.mood as enum ('sad', 'ok', 'happy')",
                "create type shop.point2 as (x double precision, y double precision)",
                "create domain shop.posint as integer not null default 1 constraint posint_positive check (value > 0)",
                "create type shop.numrange2 as range (subtype = numeric)",
                """
                create table shop.customer (
                  id bigint generated always as identity (start with 100 increment by 5) primary key,
                  email varchar(120) not null collate "C",
                  name text,
                  upper_name text generated always as (upper(name)) stored,
                  balance numeric(12,2) default 0 check (balance >= 0),
                  created_at timestamp(3) with time zone default now(),
                  tags integer[][],
                  mood shop.mood,
                  constraint customer_email_uk unique (email) deferrable initially deferred
                )""",
                "comment on table shop.customer is 'People who buy'",
                "comment on column shop.customer.email is 'Login e-mail'",
                "create table shop.category (id serial primary key, parent_id int references shop.category(id) on delete set null, name text)",
                """
                create table shop.product (
                  id int primary key,
                  category_id int,
                  sku char(8),
                  constraint product_category_fk foreign key (category_id) references shop.category(id)
                      on delete cascade on update restrict deferrable initially deferred
                )""",
                """
                create table shop.orders (
                  id bigint primary key, customer_id bigint, product_id int, product2 int, product3 int,
                  constraint orders_customer_fk foreign key (customer_id) references shop.customer(id) match full on delete set default on update no action,
                  constraint orders_product_fk foreign key (product_id) references shop.product(id) on delete restrict,
                  constraint orders_product3_fk foreign key (product3) references shop.product(id) on update cascade deferrable
                )""",
                "create index orders_expr_ix on shop.customer (lower(email))",
                "create index customer_partial_ix on shop.customer (name) where balance > 100",
                "create index customer_desc_ix on shop.customer using btree (created_at desc, name)",
                "create unlogged table shop.scratch (k text)",
                """
                create table shop.measurement (id bigint not null, logdate date not null, v int)
                partition by range (logdate)""",
                "create table shop.measurement_2024 partition of shop.measurement for values from ('2024-01-01') to ('2025-01-01')",
                "create table shop.measurement_2025 partition of shop.measurement for values from ('2025-01-01') to ('2026-01-01')",
                "insert into shop.measurement select g, date '2024-01-01' + (g % 500), g from generate_series(1, 1000) g",
                "analyze shop.measurement_2024", "analyze shop.measurement_2025",
                "create view shop.rich as select id, email from shop.customer where balance > 1000 with cascaded check option",
                "comment on view shop.rich is 'Rich customers'",
                "create materialized view shop.mood_counts as select mood, count(*) as n from shop.customer group by mood",
                "create sequence shop.invoice_seq as integer start with 1000 increment by 10 minvalue 1000 maxvalue 99999 cache 5 cycle",
                """
                create function shop.add_tax(amount numeric, rate numeric default 0.2, out total numeric, inout note text default 'x')
                language plpgsql immutable as $$ begin total := amount * (1 + rate); note := note || '!'; end $$""",
                "comment on function shop.add_tax(numeric, numeric, text) is 'Adds tax'",
                """
                create procedure shop.bump(in who bigint, out done boolean, inout counter int default 0)
                language plpgsql as $$ begin counter := counter + 1; done := true; end $$""",
                """
                create function shop.trg_fn() returns trigger language plpgsql as $$ begin return new; end $$""",
                """
                create trigger customer_bi before insert or update of email, name on shop.customer
                for each row when (new.balance is not null) execute function shop.trg_fn()""",
                "create trigger customer_stmt after delete or truncate on shop.customer for each statement execute function shop.trg_fn()",
                "create view shop.rich2 as select * from shop.customer",
                "create trigger rich2_io instead of insert on shop.rich2 for each row execute function shop.trg_fn()",
                "alter table shop.customer disable trigger customer_stmt",
                "alter table shop.product enable row level security",
                "alter table shop.orders enable row level security", "alter table shop.orders force row level security",
                "create policy own_orders on shop.orders as restrictive for select to public using (customer_id > 0)",
                "create policy all_orders on shop.orders for insert to public with check (id > 0)",
                "create policy see_products on shop.product for all to public using (true)");
        try (Connection c = pg.connect(db)) {
            long t0 = System.nanoTime();
            model = CatalogReaders.forEngine(Engine.POSTGRESQL).read(c, CatalogRequest.schemas("shop"), new CatalogListener() {
                @Override
                public void onPhase(String phase) {
                    progress.add("phase:" + phase);
                }

                @Override
                public void onObject(String kind, String name) {
                    progress.add(kind + ":" + name);
                }
            });
            System.out.printf("PostgresCatalogReaderIT: read took %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        }
        s = model.schema("shop").orElseThrow();
    }

    @Test
    void readsServerAndSchemas() {
        assertThat(model.engine()).isEqualTo(Engine.POSTGRESQL);
        assertThat(model.serverVersion()).matches("\\d+(\\.\\d+)?( .*)?"); // 16.4 embedded; any server given by FERRY_TEST_POSTGRES_URL
        assertThat(model.database()).isEqualTo(db);
        assertThat(model.schemas()).extracting(Schema::name).containsExactly("shop");
        assertThat(s.tables()).extracting(Table::name)
                .containsExactly("category", "customer", "measurement", "orders", "product", "scratch");
        assertThat(progress).contains("phase:tables of shop", "table:shop.customer", "view:shop.rich",
                "materialized view:shop.mood_counts", "function:shop.add_tax", "procedure:shop.bump", "trigger:shop.customer_bi",
                "type:shop.mood", "sequence:shop.invoice_seq");
    }

    @Test
    void allSchemasExcludeSystemOnes() throws Exception {
        try (Connection c = pg.connect(db)) {
            DatabaseModel all = CatalogReaders.forEngine(Engine.POSTGRESQL).read(c);
            assertThat(all.schemas()).extracting(Schema::name).containsExactly("public", "shop");
        }
    }

    @Test
    void columnsHaveFullTypes() {
        Table t = s.table("customer").orElseThrow();
        Column email = t.column("email").orElseThrow();
        assertThat(email.type().name()).isEqualTo("character varying");
        assertThat(email.type().length()).isEqualTo(120L);
        assertThat(email.type().declared()).isEqualTo("character varying(120)");
        assertThat(email.nullable()).isFalse();
        assertThat(email.collation()).isEqualTo("C");
        assertThat(email.comment()).isEqualTo("Login e-mail");
        Column balance = t.column("balance").orElseThrow();
        assertThat(balance.type().precision()).isEqualTo(12);
        assertThat(balance.type().scale()).isEqualTo(2);
        assertThat(balance.defaultExpression()).isEqualTo("0");
        Column created = t.column("created_at").orElseThrow();
        assertThat(created.type().name()).isEqualTo("timestamp with time zone");
        assertThat(created.type().precision()).isEqualTo(3);
        assertThat(created.defaultExpression()).isEqualTo("now()");
        Column tags = t.column("tags").orElseThrow();
        assertThat(tags.type().name()).isEqualTo("integer");
        assertThat(tags.type().arrayDimensions()).isEqualTo(2);
        assertThat(tags.type().declared()).isEqualTo("integer[]");
        assertThat(t.column("mood").orElseThrow().type().name()).isEqualTo("shop.mood");
        assertThat(t.comment()).isEqualTo("People who buy");
        assertThat(t.columns()).extracting(Column::position).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(s.table("product").orElseThrow().column("sku").orElseThrow().type().name()).isEqualTo("character");
        assertThat(s.table("product").orElseThrow().column("sku").orElseThrow().type().length()).isEqualTo(8L);
    }

    @Test
    void identitySerialAndGenerated() {
        Table t = s.table("customer").orElseThrow();
        Identity id = t.column("id").orElseThrow().identity();
        assertThat(id.kind()).isEqualTo(Identity.Kind.ALWAYS);
        assertThat(id.start()).isEqualTo(100L);
        assertThat(id.increment()).isEqualTo(5L);
        assertThat(id.sequence()).isEqualTo("shop.customer_id_seq");
        Column gen = t.column("upper_name").orElseThrow();
        assertThat(gen.generated()).isEqualTo("upper(name)");
        assertThat(gen.generatedStored()).isTrue();
        assertThat(gen.defaultExpression()).isNull();
        Column serial = s.table("category").orElseThrow().column("id").orElseThrow();
        assertThat(serial.identity().kind()).isEqualTo(Identity.Kind.SERIAL);
        assertThat(serial.identity().sequence()).isEqualTo("shop.category_id_seq");
        assertThat(serial.defaultExpression()).isEqualTo("nextval('shop.category_id_seq'::regclass)");
        assertThat(serial.type().name()).isEqualTo("integer");
    }

    @Test
    void keysChecksAndForeignKeys() {
        Table t = s.table("customer").orElseThrow();
        assertThat(t.primaryKey().name()).isEqualTo("customer_pkey");
        assertThat(t.primaryKey().columns()).containsExactly("id");
        assertThat(t.uniqueKeys()).hasSize(1);
        assertThat(t.uniqueKeys().get(0).name()).isEqualTo("customer_email_uk");
        assertThat(t.uniqueKeys().get(0).deferrable()).isTrue();
        assertThat(t.uniqueKeys().get(0).initiallyDeferred()).isTrue();
        assertThat(t.checks()).singleElement().satisfies(ch -> {
            assertThat(ch.name()).isEqualTo("customer_balance_check");
            assertThat(ch.expression()).isEqualTo("balance >= (0)::numeric");
        });
        ForeignKey pf = s.table("product").orElseThrow().foreignKeys().get(0);
        assertThat(pf.name()).isEqualTo("product_category_fk");
        assertThat(pf.referencedSchema()).isEqualTo("shop");
        assertThat(pf.referencedTable()).isEqualTo("category");
        assertThat(pf.referencedColumns()).containsExactly("id");
        assertThat(pf.onDelete()).isEqualTo(ForeignKey.Action.CASCADE);
        assertThat(pf.onUpdate()).isEqualTo(ForeignKey.Action.RESTRICT);
        assertThat(pf.deferrable()).isTrue();
        assertThat(pf.initiallyDeferred()).isTrue();
        assertThat(pf.match()).isEqualTo("SIMPLE");
        List<ForeignKey> ofks = s.table("orders").orElseThrow().foreignKeys();
        assertThat(ofks).extracting(ForeignKey::name).containsExactly("orders_customer_fk", "orders_product3_fk", "orders_product_fk");
        assertThat(ofks.get(0).onDelete()).isEqualTo(ForeignKey.Action.SET_DEFAULT);
        assertThat(ofks.get(0).onUpdate()).isEqualTo(ForeignKey.Action.NO_ACTION);
        assertThat(ofks.get(0).match()).isEqualTo("FULL");
        assertThat(ofks.get(1).onUpdate()).isEqualTo(ForeignKey.Action.CASCADE);
        assertThat(ofks.get(1).deferrable()).isTrue();
        assertThat(ofks.get(1).initiallyDeferred()).isFalse();
        assertThat(ofks.get(2).onDelete()).isEqualTo(ForeignKey.Action.RESTRICT);
        ForeignKey self = s.table("category").orElseThrow().foreignKeys().get(0);
        assertThat(self.onDelete()).isEqualTo(ForeignKey.Action.SET_NULL);
        assertThat(self.columns()).containsExactly("parent_id");
    }

    @Test
    void indexes() {
        Table t = s.table("customer").orElseThrow();
        assertThat(t.indexes()).extracting(Index::name).containsExactly(
                "customer_desc_ix", "customer_email_uk", "customer_partial_ix", "customer_pkey", "orders_expr_ix");
        Index desc = t.indexes().get(0);
        assertThat(desc.elements()).containsExactly(new Index.Element("created_at", null, true, null), Index.Element.column("name"));
        assertThat(desc.method()).isEqualTo("btree");
        assertThat(desc.constraintBacked()).isFalse();
        Index uk = t.indexes().get(1);
        assertThat(uk.unique()).isTrue();
        assertThat(uk.constraintBacked()).isTrue();
        Index partial = t.indexes().get(2);
        assertThat(partial.where()).isEqualTo("balance > 100::numeric");
        Index expr = t.indexes().get(4);
        assertThat(expr.hasExpressions()).isTrue();
        assertThat(expr.elements().get(0).expression()).isEqualTo("lower(email::text)");
    }

    @Test
    void partitionedAndUnlogged() {
        Table m = s.table("measurement").orElseThrow();
        assertThat(m.kind()).isEqualTo(Table.Kind.PARTITIONED);
        assertThat(m.partitioning().method()).isEqualTo("range");
        assertThat(m.partitioning().keys()).containsExactly("logdate");
        assertThat(m.partitioning().partitions()).extracting(p -> p.name() + " " + p.bound()).containsExactly(
                "measurement_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
                "measurement_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')");
        assertThat(m.estimatedRows()).isEqualTo(1000);
        assertThat(m.sizeBytes()).isPositive();
        assertThat(s.table("scratch").orElseThrow().kind()).isEqualTo(Table.Kind.UNLOGGED);
        assertThat(s.table("customer").orElseThrow().kind()).isEqualTo(Table.Kind.REGULAR);
    }

    @Test
    void rowSecurityAndPoliciesPerTable() {
        Table orders = s.table("orders").orElseThrow();
        assertThat(orders.options()).containsEntry("row_security", "forced")
                .containsEntry("policy:own_orders", "CREATE POLICY \"own_orders\" ON \"shop\".\"orders\" AS RESTRICTIVE FOR SELECT"
                        + " TO PUBLIC USING ((customer_id > 0))")
                .containsEntry("policy:all_orders", "CREATE POLICY \"all_orders\" ON \"shop\".\"orders\" AS PERMISSIVE FOR INSERT"
                        + " TO PUBLIC WITH CHECK ((id > 0))");
        assertThat(orders.options().keySet().stream().filter(k -> k.startsWith("policy:")).toList())
                .containsExactly("policy:all_orders", "policy:own_orders");
        Table product = s.table("product").orElseThrow();
        assertThat(product.options()).containsEntry("row_security", "enabled").containsKey("policy:see_products")
                .doesNotContainKey("policy:own_orders");
        assertThat(s.table("category").orElseThrow().options()).doesNotContainKey("row_security");
    }

    @Test
    void viewsAndMaterializedViews() {
        View rich = s.view("rich").orElseThrow();
        assertThat(rich.materialized()).isFalse();
        // PostgreSQL 16 prints "WHERE balance > 1000::numeric", 15 and older qualify it as "customer.balance"
        assertThat(rich.definition()).contains("FROM shop.customer").containsPattern("WHERE (customer\\.)?balance > 1000::numeric");
        assertThat(rich.checkOption()).isEqualTo("CASCADED");
        assertThat(rich.comment()).isEqualTo("Rich customers");
        assertThat(rich.columns()).extracting(Column::name).containsExactly("id", "email");
        View mv = s.view("mood_counts").orElseThrow();
        assertThat(mv.materialized()).isTrue();
        // pg_get_viewdef: 16 prints bare column names, 15 and older qualify them with the table name
        assertThat(mv.definition().replace("customer.", "")).isEqualTo("SELECT mood,\n    count(*) AS n\n   FROM shop.customer\n  GROUP BY mood");
        assertThat(mv.columns().get(1).type().name()).isEqualTo("bigint");
    }

    @Test
    void sequences() {
        assertThat(s.sequences()).extracting(Sequence::name).containsExactly("category_id_seq", "invoice_seq");
        Sequence inv = s.sequences().get(1);
        assertThat(inv).isEqualTo(new Sequence("shop", "invoice_seq", "integer", 1000L, 10L, 1000L, 99999L, 5L, true, null, null));
        assertThat(s.sequences().get(0).ownedBy()).isEqualTo("shop.category.id");
    }

    @Test
    void routines() {
        Routine f = s.routines().stream().filter(r -> r.name().equals("add_tax")).findFirst().orElseThrow();
        assertThat(f.kind()).isEqualTo(Routine.Kind.FUNCTION);
        assertThat(f.language()).isEqualTo("plpgsql");
        assertThat(f.deterministic()).isTrue();
        assertThat(f.comment()).isEqualTo("Adds tax");
        assertThat(f.returnType()).isEqualTo("record");
        assertThat(f.parameters()).containsExactly(
                new Routine.Parameter("amount", "IN", "numeric", null),
                new Routine.Parameter("rate", "IN", "numeric", "0.2"),
                new Routine.Parameter("total", "OUT", "numeric", null),
                new Routine.Parameter("note", "INOUT", "text", "'x'::text"));
        assertThat(f.source()).startsWith("CREATE OR REPLACE FUNCTION shop.add_tax(").contains("total := amount * (1 + rate)");
        Routine p = s.routines().stream().filter(r -> r.name().equals("bump")).findFirst().orElseThrow();
        assertThat(p.kind()).isEqualTo(Routine.Kind.PROCEDURE);
        assertThat(p.returnType()).isNull();
        assertThat(p.parameters()).containsExactly(
                new Routine.Parameter("who", "IN", "bigint", null),
                new Routine.Parameter("done", "OUT", "boolean", null),
                new Routine.Parameter("counter", "INOUT", "integer", "0"));
        assertThat(s.routines()).extracting(Routine::name).containsExactly("add_tax", "bump", "trg_fn");
        assertThat(s.routines().get(2).returnType()).isEqualTo("trigger");
    }

    @Test
    void triggers() {
        assertThat(s.triggers()).extracting(Trigger::name).containsExactly("customer_bi", "customer_stmt", "rich2_io");
        Trigger row = s.triggers().get(0);
        assertThat(row.table()).isEqualTo("customer");
        assertThat(row.timing()).isEqualTo(Trigger.Timing.BEFORE);
        assertThat(row.events()).containsExactly("INSERT", "UPDATE");
        assertThat(row.updateColumns()).containsExactly("email", "name");
        assertThat(row.level()).isEqualTo(Trigger.Level.ROW);
        assertThat(row.when()).isEqualTo("new.balance IS NOT NULL");
        assertThat(row.enabled()).isTrue();
        assertThat(row.source()).startsWith("CREATE TRIGGER customer_bi BEFORE INSERT OR UPDATE OF email, name ON shop.customer");
        Trigger stmt = s.triggers().get(1);
        assertThat(stmt.timing()).isEqualTo(Trigger.Timing.AFTER);
        assertThat(stmt.events()).containsExactly("DELETE", "TRUNCATE");
        assertThat(stmt.level()).isEqualTo(Trigger.Level.STATEMENT);
        assertThat(stmt.when()).isNull();
        assertThat(stmt.enabled()).isFalse();
        assertThat(s.triggers().get(2).timing()).isEqualTo(Trigger.Timing.INSTEAD_OF);
        assertThat(s.triggers().get(2).table()).isEqualTo("rich2");
    }

    @Test
    void userTypes() {
        assertThat(s.types()).extracting(UserType::name).containsExactly("mood", "numrange2", "point2", "posint");
        assertThat(s.types().get(0).kind()).isEqualTo(UserType.Kind.ENUM);
        assertThat(s.types().get(0).labels()).containsExactly("sad", "ok", "happy");
        assertThat(s.types().get(1).kind()).isEqualTo(UserType.Kind.RANGE);
        assertThat(s.types().get(1).elementType()).isEqualTo("numeric");
        UserType comp = s.types().get(2);
        assertThat(comp.kind()).isEqualTo(UserType.Kind.COMPOSITE);
        assertThat(comp.attributes()).extracting(c -> c.name() + ":" + c.type().name()).containsExactly("x:double precision", "y:double precision");
        UserType dom = s.types().get(3);
        assertThat(dom.kind()).isEqualTo(UserType.Kind.DOMAIN);
        assertThat(dom.elementType()).isEqualTo("integer");
        assertThat(dom.source()).isEqualTo("CREATE DOMAIN \"shop\".\"posint\" AS integer DEFAULT 1 NOT NULL CONSTRAINT posint_positive CHECK ((VALUE > 0))");
    }

    @Test
    void requestFlagsAreHonoured() throws Exception {
        try (Connection c = pg.connect(db)) {
            DatabaseModel lean = CatalogReaders.forEngine(Engine.POSTGRESQL).read(c,
                    CatalogRequest.schemas("SHOP").withRowEstimates(false).withSource(false), CatalogListener.NO_OP);
            Schema ls = lean.schema("shop").orElseThrow();
            assertThat(ls.table("measurement").orElseThrow().estimatedRows()).isEqualTo(-1);
            assertThat(ls.routines().get(0).source()).isNull();
        }
    }

    @Test
    void temporaryTablesWhenTheirSchemaIsAskedFor() throws Exception {
        try (Connection c = pg.connect(db)) {
            c.createStatement().execute("create temp table scratch_tmp (id int primary key, note text)");
            String tempSchema;
            try (var rs = c.createStatement().executeQuery("select nspname from pg_namespace where oid = pg_my_temp_schema()")) {
                rs.next();
                tempSchema = rs.getString(1);
            }
            DatabaseModel m = CatalogReaders.forEngine(Engine.POSTGRESQL).read(c, CatalogRequest.schemas(tempSchema), CatalogListener.NO_OP);
            Table t = m.schema(tempSchema).orElseThrow().table("scratch_tmp").orElseThrow();
            assertThat(t.kind()).isEqualTo(Table.Kind.TEMPORARY);
            assertThat(t.primaryKey().columns()).containsExactly("id");
            // and the default read (all non-system schemas) does not include pg_temp_N
            assertThat(CatalogReaders.forEngine(Engine.POSTGRESQL).read(c).schemas()).extracting(Schema::name).doesNotContain(tempSchema);
        }
    }

    @Test
    void jsonRoundTripAndSummary() {
        assertThat(ModelJson.read(ModelJson.write(model))).isEqualTo(model);
        String text = CatalogPrinter.summary(model);
        assertThat(text).contains("shop: 6 tables, 3 views (1 materialized), 2 sequences, 3 routines, 3 triggers, 4 types")
                .contains("customer").contains("measurement");
    }
}
