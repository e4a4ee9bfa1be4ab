package dev.ferry.engine.catalog.oracle;

import dev.ferry.engine.catalog.CatalogListener;
import dev.ferry.engine.catalog.CatalogReaders;
import dev.ferry.engine.catalog.CatalogRequest;
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
import dev.ferry.model.schema.UserType;
import dev.ferry.model.schema.View;
import dev.ferry.testsupport.RequiresOracle;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs only with FERRY_TEST_ORACLE_URL (an admin user such as SYSTEM on a PDB). Creates its own user, builds every
 * element in it through {@code ALTER SESSION SET CURRENT_SCHEMA}, reads it and drops the user again.
 */
@RequiresOracle
class OracleCatalogReaderIT {

    static TestServer ora;
    static String user;
    static DatabaseModel model;
    static Schema s;

    @BeforeAll
    static void createAndRead() throws Exception {
        ora = TestDatabases.oracle().orElseThrow();
        user = "FERRY_CAT_" + ProcessHandle.current().pid();
        try (Connection c = ora.connect(); Statement st = c.createStatement()) {
            st.setEscapeProcessing(false);
            for (String sql : List.of(
                    "create user " + user + " identified by \"Ferry_Cat_1\" default tablespace users quota unlimited on users",
                    "grant create session, create table, create view, create materialized view, create procedure, create trigger, "
                            + "create sequence, create type, create synonym to " + user,
                    "alter session set current_schema = " + user,
                    """
                    create table dept (
                      id number(10) generated always as identity (start with 100 increment by 5) primary key,
                      name varchar2(30 char) not null constraint dept_name_uk unique,
                      code char(4 byte),
                      budget number(12,2) default 0 constraint dept_budget_ck check (budget >= 0),
                      created timestamp(3) with time zone default systimestamp,
                      ratio float(10),
                      raw_id raw(16),
                      doc clob,
                      budget_k number generated always as (budget / 1000) virtual
                    )""",
                    "comment on table dept is 'Departments'",
                    "comment on column dept.name is 'Dept name'",
                    """
                    create table emp (
                      id number primary key, dept_id number(10), mgr_id number, bonus number(*,0),
                      constraint emp_dept_fk foreign key (dept_id) references dept (id) on delete cascade deferrable initially deferred,
                      constraint emp_mgr_fk foreign key (mgr_id) references emp (id) on delete set null
                    )""",
                    "create index emp_expr_ix on emp (upper(to_char(bonus)))",
                    "create index emp_desc_ix on emp (dept_id desc, id)",
                    "create index emp_rev_ix on emp (mgr_id) reverse",
                    """
                    create table sales (id number, sold date)
                    partition by range (sold) (partition p2024 values less than (date '2025-01-01'), partition pmax values less than (maxvalue))""",
                    "create global temporary table gtt (x number) on commit preserve rows",
                    "create table iot_t (k number primary key, v varchar2(10)) organization index",
                    "create view dept_v as select id, name from dept where budget > 10 with check option",
                    "create materialized view dept_mv as select count(*) as n from dept",
                    "create sequence inv_seq start with 1000 increment by 10 minvalue 1000 maxvalue 99999 cache 5 cycle",
                    "create or replace function add_tax(amount number, rate number default 0.2) return number deterministic is begin return amount * (1 + rate); end;",
                    "create or replace procedure bump(who in number, counter in out number, done out number) is begin counter := counter + 1; done := 1; end;",
                    "create or replace package pkg as function f return number; end pkg;",
                    "create or replace package body pkg as function f return number is begin return 1; end f; end pkg;",
                    """
                    create or replace trigger dept_bi before insert or update of name on dept for each row when (new.budget > 0)
                    begin :new.name := upper(:new.name); end;""",
                    "create or replace trigger emp_as after delete on emp begin null; end;",
                    "create synonym dept_syn for dept",
                    "create type addr_t as object (street varchar2(40), zip number(5))",
                    "create type phones_t as varray(3) of varchar2(20)",
                    "create type tags_t as table of varchar2(10)")) {
                st.execute(sql);
            }
            long t0 = System.nanoTime();
            model = CatalogReaders.forEngine(Engine.ORACLE).read(c, CatalogRequest.schemas(user), CatalogListener.NO_OP);
            System.out.printf("OracleCatalogReaderIT: read took %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        }
        s = model.schema(user).orElseThrow();
    }

    @AfterAll
    static void dropUser() throws Exception {
        if (ora != null && user != null) {
            try (Connection c = ora.connect(); Statement st = c.createStatement()) {
                st.execute("drop user " + user + " cascade");
            }
        }
    }

    @Test
    void tablesAndKinds() {
        assertThat(model.engine()).isEqualTo(Engine.ORACLE);
        assertThat(s.tables()).extracting(Table::name).containsExactly("DEPT", "EMP", "GTT", "IOT_T", "SALES");
        assertThat(s.table("GTT").orElseThrow().kind()).isEqualTo(Table.Kind.GLOBAL_TEMPORARY);
        assertThat(s.table("GTT").orElseThrow().options()).containsEntry("on_commit", "preserve rows");
        assertThat(s.table("IOT_T").orElseThrow().kind()).isEqualTo(Table.Kind.INDEX_ORGANIZED);
        Table sales = s.table("SALES").orElseThrow();
        assertThat(sales.kind()).isEqualTo(Table.Kind.PARTITIONED);
        assertThat(sales.partitioning().method()).isEqualTo("range");
        assertThat(sales.partitioning().keys()).containsExactly("SOLD");
        assertThat(sales.partitioning().partitions()).extracting(p -> p.name()).containsExactly("P2024", "PMAX");
        assertThat(sales.partitioning().partitions().get(0).bound()).startsWith("VALUES LESS THAN (TO_DATE(' 2025-01-01");
        assertThat(sales.partitioning().partitions().get(1).bound()).isEqualTo("VALUES LESS THAN (MAXVALUE)");
        assertThat(s.table("DEPT").orElseThrow().comment()).isEqualTo("Departments");
    }

    @Test
    void columns() {
        Table dept = s.table("DEPT").orElseThrow();
        Column id = dept.column("ID").orElseThrow();
        assertThat(id.identity()).isNotNull();
        assertThat(id.identity().kind()).isEqualTo(Identity.Kind.ALWAYS);
        assertThat(id.identity().start()).isEqualTo(100L);
        assertThat(id.identity().increment()).isEqualTo(5L);
        assertThat(id.identity().sequence()).startsWith("ISEQ$$_");
        assertThat(id.defaultExpression()).isNull();
        assertThat(id.type().declared()).isEqualTo("NUMBER(10,0)");
        DataType name = dept.column("NAME").orElseThrow().type();
        assertThat(name.name()).isEqualTo("varchar2");
        assertThat(name.length()).isEqualTo(30L);
        assertThat(name.charSemantics()).isEqualTo(DataType.CharSemantics.CHAR);
        assertThat(name.declared()).isEqualTo("VARCHAR2(30 CHAR)");
        assertThat(dept.column("NAME").orElseThrow().nullable()).isFalse();
        assertThat(dept.column("NAME").orElseThrow().comment()).isEqualTo("Dept name");
        DataType code = dept.column("CODE").orElseThrow().type();
        assertThat(code.declared()).isEqualTo("CHAR(4 BYTE)");
        assertThat(code.charSemantics()).isEqualTo(DataType.CharSemantics.BYTE);
        DataType budget = dept.column("BUDGET").orElseThrow().type();
        assertThat(budget.precision()).isEqualTo(12);
        assertThat(budget.scale()).isEqualTo(2);
        assertThat(dept.column("BUDGET").orElseThrow().defaultExpression()).isEqualTo("0");
        DataType created = dept.column("CREATED").orElseThrow().type();
        assertThat(created.name()).isEqualTo("timestamp with time zone");
        assertThat(created.precision()).isEqualTo(3);
        assertThat(dept.column("CREATED").orElseThrow().defaultExpression()).isEqualToIgnoringCase("systimestamp");
        assertThat(dept.column("RATIO").orElseThrow().type().declared()).isEqualTo("FLOAT(10)");
        assertThat(dept.column("RAW_ID").orElseThrow().type().length()).isEqualTo(16L);
        assertThat(dept.column("DOC").orElseThrow().type().name()).isEqualTo("clob");
        Column virtual = dept.column("BUDGET_K").orElseThrow();
        assertThat(virtual.generated()).isEqualTo("\"BUDGET\"/1000");
        assertThat(virtual.generatedStored()).isFalse();
        assertThat(s.table("EMP").orElseThrow().column("BONUS").orElseThrow().type().declared()).isEqualTo("NUMBER(*,0)");
        assertThat(s.table("EMP").orElseThrow().column("MGR_ID").orElseThrow().type().declared()).isEqualTo("NUMBER");
    }

    @Test
    void constraintsAndIndexes() {
        Table dept = s.table("DEPT").orElseThrow();
        assertThat(dept.primaryKey().columns()).containsExactly("ID");
        assertThat(dept.uniqueKeys()).singleElement().satisfies(u -> assertThat(u.name()).isEqualTo("DEPT_NAME_UK"));
        assertThat(dept.checks()).singleElement().satisfies(ch -> {
            assertThat(ch.name()).isEqualTo("DEPT_BUDGET_CK");
            assertThat(ch.expression()).isEqualTo("budget >= 0");
            assertThat(ch.enforced()).isTrue();
        });
        Table emp = s.table("EMP").orElseThrow();
        ForeignKey fk = emp.foreignKeys().stream().filter(f -> f.name().equals("EMP_DEPT_FK")).findFirst().orElseThrow();
        assertThat(fk.referencedSchema()).isEqualTo(user);
        assertThat(fk.referencedTable()).isEqualTo("DEPT");
        assertThat(fk.referencedColumns()).containsExactly("ID");
        assertThat(fk.onDelete()).isEqualTo(ForeignKey.Action.CASCADE);
        assertThat(fk.onUpdate()).isEqualTo(ForeignKey.Action.NO_ACTION);
        assertThat(fk.deferrable()).isTrue();
        assertThat(fk.initiallyDeferred()).isTrue();
        ForeignKey self = emp.foreignKeys().stream().filter(f -> f.name().equals("EMP_MGR_FK")).findFirst().orElseThrow();
        assertThat(self.onDelete()).isEqualTo(ForeignKey.Action.SET_NULL);
        Index expr = emp.indexes().stream().filter(i -> i.name().equals("EMP_EXPR_IX")).findFirst().orElseThrow();
        assertThat(expr.elements().get(0).expression()).isEqualTo("UPPER(TO_CHAR(\"BONUS\"))");
        Index desc = emp.indexes().stream().filter(i -> i.name().equals("EMP_DESC_IX")).findFirst().orElseThrow();
        assertThat(desc.elements()).containsExactly(new Index.Element("DEPT_ID", null, true, null), Index.Element.column("ID"));
        Index rev = emp.indexes().stream().filter(i -> i.name().equals("EMP_REV_IX")).findFirst().orElseThrow();
        assertThat(rev.method()).isEqualTo("reverse");
        Index uk = dept.indexes().stream().filter(i -> i.name().equals("DEPT_NAME_UK")).findFirst().orElseThrow();
        assertThat(uk.constraintBacked()).isTrue();
        assertThat(uk.unique()).isTrue();
    }

    @Test
    void viewsSequencesRoutinesTriggersSynonymsTypes() {
        assertThat(s.views()).extracting(View::name).containsExactly("DEPT_MV", "DEPT_V");
        View v = s.view("DEPT_V").orElseThrow();
        assertThat(v.materialized()).isFalse();
        assertThat(v.definition()).containsIgnoringCase("where budget > 10");
        assertThat(v.checkOption()).isEqualTo("CASCADED");
        assertThat(v.columns()).extracting(Column::name).containsExactly("ID", "NAME");
        assertThat(s.view("DEPT_MV").orElseThrow().materialized()).isTrue();

        assertThat(s.sequences()).singleElement().satisfies(q -> {
            assertThat(q.name()).isEqualTo("INV_SEQ");
            assertThat(q.increment()).isEqualTo(10L);
            assertThat(q.minValue()).isEqualTo(1000L);
            assertThat(q.maxValue()).isEqualTo(99999L);
            assertThat(q.cache()).isEqualTo(5L);
            assertThat(q.cycle()).isTrue();
        });

        Routine f = s.routines().stream().filter(r -> r.name().equals("ADD_TAX")).findFirst().orElseThrow();
        assertThat(f.kind()).isEqualTo(Routine.Kind.FUNCTION);
        assertThat(f.returnType()).isEqualTo("NUMBER");
        assertThat(f.deterministic()).isTrue();
        assertThat(f.parameters()).extracting(p -> p.name() + " " + p.mode() + " " + p.type() + " " + p.defaultExpression())
                .containsExactly("AMOUNT IN NUMBER null", "RATE IN NUMBER DEFAULT");
        assertThat(f.source()).startsWith("CREATE OR REPLACE function add_tax");
        Routine p = s.routines().stream().filter(r -> r.name().equals("BUMP")).findFirst().orElseThrow();
        assertThat(p.kind()).isEqualTo(Routine.Kind.PROCEDURE);
        assertThat(p.parameters()).extracting(x -> x.name() + " " + x.mode()).containsExactly("WHO IN", "COUNTER INOUT", "DONE OUT");
        assertThat(s.packages()).singleElement().satisfies(pk -> {
            assertThat(pk.name()).isEqualTo("PKG");
            assertThat(pk.specSource()).startsWith("CREATE OR REPLACE package pkg");
            assertThat(pk.bodySource()).startsWith("CREATE OR REPLACE package body pkg");
        });

        Trigger bi = s.triggers().stream().filter(t -> t.name().equals("DEPT_BI")).findFirst().orElseThrow();
        assertThat(bi.timing()).isEqualTo(Trigger.Timing.BEFORE);
        assertThat(bi.level()).isEqualTo(Trigger.Level.ROW);
        assertThat(bi.events()).containsExactly("INSERT", "UPDATE");
        assertThat(bi.updateColumns()).containsExactly("NAME");
        assertThat(bi.when()).isEqualTo("new.budget > 0");
        assertThat(bi.table()).isEqualTo("DEPT");
        assertThat(bi.source()).startsWith("CREATE OR REPLACE trigger dept_bi");
        Trigger as = s.triggers().stream().filter(t -> t.name().equals("EMP_AS")).findFirst().orElseThrow();
        assertThat(as.timing()).isEqualTo(Trigger.Timing.AFTER);
        assertThat(as.level()).isEqualTo(Trigger.Level.STATEMENT);
        assertThat(as.events()).containsExactly("DELETE");

        assertThat(s.synonyms()).singleElement().satisfies(sy -> {
            assertThat(sy.name()).isEqualTo("DEPT_SYN");
            assertThat(sy.targetName()).isEqualTo("DEPT");
            assertThat(sy.targetSchema()).isEqualTo(user);
        });

        assertThat(s.types()).extracting(UserType::name).containsExactly("ADDR_T", "PHONES_T", "TAGS_T");
        UserType addr = s.types().get(0);
        assertThat(addr.kind()).isEqualTo(UserType.Kind.OBJECT);
        assertThat(addr.attributes()).extracting(a -> a.name() + " " + a.type().declared()).containsExactly("STREET VARCHAR2(40 BYTE)", "ZIP NUMBER(5,0)");
        assertThat(s.types().get(1).kind()).isEqualTo(UserType.Kind.VARRAY);
        assertThat(s.types().get(1).elementType()).isEqualTo("VARCHAR2(20 BYTE)");
        assertThat(s.types().get(2).kind()).isEqualTo(UserType.Kind.NESTED_TABLE);
    }

    @Test
    void jsonRoundTrip() {
        assertThat(ModelJson.read(ModelJson.write(model))).isEqualTo(model);
    }
}
