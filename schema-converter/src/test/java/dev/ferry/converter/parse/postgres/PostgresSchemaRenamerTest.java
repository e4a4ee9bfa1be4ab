package dev.ferry.converter.parse.postgres;

import dev.ferry.converter.parse.ScriptSchema;
import dev.ferry.model.schema.Identity;
import dev.ferry.model.schema.Schema;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Schema renaming on our PostgreSQL lexer's tokens, and the script → model builder. */
class PostgresSchemaRenamerTest {

    @Test
    void qualifiersStringsAndBodiesAreRenamedButNotColumnsOrComments() {
        String in = "SELECT hr.f(x), t.hr, \"hr\".t.c, nextval('hr.seq'::regclass) -- hr.comment\n"
                + "FROM hr.t WHERE body = $b$ SELECT 1 FROM hr.x $b$";
        assertThat(PostgresSchemaRenamer.rename(in, "hr", "Hr Copy")).isEqualTo(
                "SELECT \"Hr Copy\".f(x), t.hr, \"Hr Copy\".t.c, nextval('\"Hr Copy\".seq'::regclass) -- hr.comment\n"
                        + "FROM \"Hr Copy\".t WHERE body = $b$ SELECT 1 FROM \"Hr Copy\".x $b$");
        assertThat(PostgresSchemaRenamer.rename(in, "hr", "hr")).isSameAs(in);
        assertThat(PostgresSchemaRenamer.bodyNamesSchema(in, "hr")).isTrue();
        assertThat(PostgresSchemaRenamer.bodyNamesSchema("CREATE FUNCTION f() AS $$ SELECT hr $$", "hr")).isFalse();
    }

    @Test
    void pgDumpStyleScriptsBuildTheCatalogShape() {
        ScriptSchema s = new PostgresScriptSchemaBuilder("public").build(List.of(new ScriptSchema.File("d.sql", """
                CREATE TABLE public.t (id integer NOT NULL, name text);
                CREATE SEQUENCE public.t_id_seq AS integer START WITH 1;
                ALTER SEQUENCE public.t_id_seq OWNED BY public.t.id;
                ALTER TABLE ONLY public.t ALTER COLUMN id SET DEFAULT nextval('public.t_id_seq'::regclass);
                ALTER TABLE ONLY public.t ADD CONSTRAINT t_pkey PRIMARY KEY (id);
                CREATE TABLE other.x (a int);
                CREATE TABLE u (id bigserial PRIMARY KEY, t_id integer REFERENCES t);
                CREATE TABEL broken (x int);
                CREATE EXTENSION IF NOT EXISTS pgcrypto;
                """)));
        Schema schema = s.schema();
        assertThat(schema.tables()).extracting(t -> t.name()).containsExactly("t", "u");
        assertThat(schema.table("t").orElseThrow().primaryKey().columns()).containsExactly("id");
        assertThat(schema.table("t").orElseThrow().column("id").orElseThrow().defaultExpression())
                .isEqualTo("nextval('public.t_id_seq'::regclass)");
        assertThat(schema.sequences()).extracting(q -> q.name() + " " + q.ownedBy())
                .containsExactlyInAnyOrder("t_id_seq public.t.id", "u_id_seq public.u.id");
        assertThat(schema.table("u").orElseThrow().column("id").orElseThrow().identity().kind()).isEqualTo(Identity.Kind.SERIAL);
        assertThat(schema.table("u").orElseThrow().foreignKeys().get(0).referencedColumns()).containsExactly("id");
        assertThat(s.errors()).singleElement().satisfies(e -> assertThat(e.getMessage()).startsWith("d.sql:8:"));
        assertThat(s.unmodelled()).extracting(ScriptSchema.Unmodelled::kind).containsExactly("CREATE EXTENSION");
    }
}
