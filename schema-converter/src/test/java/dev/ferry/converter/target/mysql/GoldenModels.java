package dev.ferry.converter.target.mysql;

import dev.ferry.model.schema.CheckConstraint;
import dev.ferry.model.schema.Column;
import dev.ferry.model.schema.DataType;
import dev.ferry.model.schema.ForeignKey;
import dev.ferry.model.schema.Identity;
import dev.ferry.model.schema.Index;
import dev.ferry.model.schema.KeyConstraint;
import dev.ferry.model.schema.Routine;
import dev.ferry.model.schema.Schema;
import dev.ferry.model.schema.Sequence;
import dev.ferry.model.schema.Table;
import dev.ferry.model.schema.Trigger;
import dev.ferry.model.schema.UserType;
import dev.ferry.model.schema.View;

import java.util.List;
import java.util.Map;

/**
 * Source models for the PostgreSQL and SQLite golden cases, spelled exactly as the engine's catalog readers report
 * them ({@code format_type}, {@code pg_get_expr}, {@code pg_get_viewdef}; SQLite declared types and pragma defaults).
 */
final class GoldenModels {

    private GoldenModels() {
    }

    private static DataType pg(String name, Long length, Integer precision, Integer scale, String declared) {
        return DataType.of(name, length, precision, scale, declared);
    }

    private static Column col(String name, int pos, DataType type, boolean nullable, String def) {
        return new Column(name, pos, type, nullable, def, null, null, false, null, null, null);
    }

    private static Table table(String name, List<Column> cols, KeyConstraint pk, List<KeyConstraint> uks, List<ForeignKey> fks,
                               List<CheckConstraint> checks, List<Index> indexes, String comment) {
        return new Table("public", name, Table.Kind.REGULAR, cols, pk, uks, fks, checks, indexes, comment, -1, -1, null, Map.of());
    }

    /** PostgreSQL: serial/identity, text keys, enums, domains, arrays, jsonb, checks, partial/expression/gin indexes, views. */
    static Schema postgres() {
        Table customers = table("customers", List.of(
                col("id", 1, pg("integer", null, null, null, "integer"), false, "nextval('customers_id_seq'::regclass)")
                        .withIdentity(new Identity(Identity.Kind.SERIAL, 1L, 1L, "public.customers_id_seq")),
                col("email", 2, pg("text", null, null, null, "text"), false, null),
                col("name", 3, pg("character varying", 100L, null, null, "character varying(100)"), true, null),
                col("active", 4, pg("boolean", null, null, null, "boolean"), false, "true"),
                col("created", 5, pg("timestamp with time zone", null, null, null, "timestamp with time zone"), true, "now()"),
                col("mood", 6, pg("mood", null, null, null, "mood"), true, "'ok'::mood"),
                col("tags", 7, new DataType("text", null, null, null, null, false, false, List.of(), 1, "text[]"), true, null),
                col("doc", 8, pg("jsonb", null, null, null, "jsonb"), true, null),
                col("balance", 9, pg("numeric", null, 12, 2, "numeric(12,2)"), false, "0"),
                col("score", 10, pg("positive_int", null, null, null, "positive_int"), true, null),
                col("Display Name", 11, pg("text", null, null, null, "text"), true, "(('Mr '::text || 'X'::text))")
                        .withComment("shown on invoices")),
                KeyConstraint.of("customers_pkey", List.of("id")), List.of(KeyConstraint.of("customers_email_key", List.of("email"))),
                List.of(), List.of(new CheckConstraint("customers_balance_check", "(balance >= (0)::numeric)", true),
                        new CheckConstraint("customers_name_check", "((name)::text ~ '^[A-Z]'::text)", true)),
                List.of(), "our customers");
        Table orders = table("orders", List.of(
                col("id", 1, pg("bigint", null, null, null, "bigint"), false, null)
                        .withIdentity(new Identity(Identity.Kind.ALWAYS, 1L, 1L, "public.orders_id_seq")),
                col("customer_id", 2, pg("integer", null, null, null, "integer"), false, null),
                col("total", 3, pg("numeric", null, null, null, "numeric"), true, null),
                col("note", 4, pg("text", null, null, null, "text"), true, null),
                col("ordered_on", 5, pg("date", null, null, null, "date"), false, "CURRENT_DATE")),
                KeyConstraint.of("orders_pkey", List.of("id")), List.of(),
                List.of(new ForeignKey("orders_customer_id_fkey", List.of("customer_id"), "public", "customers", List.of("id"),
                        ForeignKey.Action.CASCADE, ForeignKey.Action.SET_DEFAULT, true, false, "SIMPLE")),
                List.of(),
                List.of(new Index("orders_open_idx", false, List.of(Index.Element.column("customer_id")), "btree",
                                "(total > (0)::numeric)", false, null),
                        new Index("orders_open_uidx", true, List.of(Index.Element.column("id")), "btree", "(total IS NULL)", false, null),
                        new Index("orders_note_lower_idx", false, List.of(Index.Element.expression("lower(note)")), "btree", null, false, null),
                        new Index("orders_note_gin", false, List.of(Index.Element.column("note")), "gin", null, false, null),
                        new Index("orders_note_idx", false, List.of(Index.Element.column("note")), "btree", null, false, null),
                        new Index("orders_ordered_on_idx", false, List.of(new Index.Element("ordered_on", null, true)), "hash", null, false, null)),
                null);
        Table longName = table("a_table_whose_name_is_much_longer_than_the_sixty_four_characters_mysql_allows",
                List.of(col("id", 1, pg("smallint", null, null, null, "smallint"), false, null),
                        col("payload", 2, pg("bytea", null, null, null, "bytea"), true, null),
                        col("ip", 3, pg("inet", null, null, null, "inet"), true, null),
                        col("shape", 4, pg("point", null, null, null, "point"), true, null)),
                KeyConstraint.of(null, List.of("id")), List.of(), List.of(), List.of(), List.of(), null);
        View totals = new View("public", "customer_totals", false, """
                 SELECT c.name,
                    sum(o.total) AS total,
                    count(*) AS orders
                   FROM (customers c
                     JOIN orders o ON ((o.customer_id = c.id)))
                  WHERE (o.ordered_on > (CURRENT_DATE - 30))
                  GROUP BY c.name""", List.of(), null, null);
        View latest = new View("public", "latest_order", false, """
                 SELECT DISTINCT ON (o.customer_id) o.customer_id,
                    o.id
                   FROM orders o
                  ORDER BY o.customer_id, o.id DESC""", List.of(), null, null);
        View mat = new View("public", "order_counts", true, " SELECT count(*) AS count FROM orders", List.of(), null, null);
        return new Schema("public", List.of(customers, orders, longName), List.of(totals, latest, mat),
                List.of(new Sequence("public", "invoice_seq", "bigint", 1000L, 1L, 1L, null, 1L, false, null, null),
                        new Sequence("public", "customers_id_seq", "integer", 1L, 1L, 1L, 2147483647L, 1L, false, null, "public.customers.id")),
                List.of(new Routine("public", "touch", Routine.Kind.FUNCTION, List.of(), "trigger", "plpgsql", false,
                        "CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.created := now(); RETURN NEW; END $$", null)),
                List.of(new Trigger("public", "customers_touch", "public", "customers", Trigger.Timing.BEFORE, List.of("UPDATE"), List.of(),
                        Trigger.Level.ROW, null, true, "CREATE TRIGGER customers_touch BEFORE UPDATE ON public.customers FOR EACH ROW EXECUTE FUNCTION public.touch()")),
                List.of(), List.of(),
                List.of(new UserType("public", "mood", UserType.Kind.ENUM, List.of("sad", "ok", "happy"), List.of(), null, null),
                        new UserType("public", "positive_int", UserType.Kind.DOMAIN, List.of(), List.of(), "integer",
                                "CREATE DOMAIN public.positive_int AS integer CHECK (VALUE > 0)"),
                        new UserType("public", "money_pair", UserType.Kind.COMPOSITE, List.of(), List.of(), null, null)));
    }

    private static DataType sqlite(String name, Long length, Integer precision, Integer scale, String declared) {
        return new DataType(name, length, precision, scale, null, false, false, List.of(), 0, declared);
    }

    /** SQLite: rowid and AUTOINCREMENT keys, affinity types, defaults, a check, an index and a view. */
    static Schema sqlite() {
        Table artist = new Table("main", "Artist", Table.Kind.REGULAR, List.of(
                col("ArtistId", 1, sqlite("integer", null, null, null, "INTEGER"), false, null),
                col("Name", 2, sqlite("nvarchar", 120L, null, null, "NVARCHAR(120)"), true, null)),
                KeyConstraint.of(null, List.of("ArtistId")), List.of(), List.of(), List.of(), List.of(), null, -1, -1, null, Map.of());
        Table album = new Table("main", "Album", Table.Kind.REGULAR, List.of(
                col("AlbumId", 1, sqlite("integer", null, null, null, "INTEGER"), false, null)
                        .withIdentity(new Identity(Identity.Kind.AUTOINCREMENT, 348L, 1L, null)),
                col("Title", 2, sqlite("nvarchar", 160L, null, null, "NVARCHAR(160)"), false, null),
                col("ArtistId", 3, sqlite("integer", null, null, null, "INTEGER"), false, null)),
                KeyConstraint.of(null, List.of("AlbumId")), List.of(),
                List.of(new ForeignKey(null, List.of("ArtistId"), null, "Artist", List.of("ArtistId"), ForeignKey.Action.NO_ACTION,
                        ForeignKey.Action.NO_ACTION, false, false, null)),
                List.of(), List.of(new Index("IFK_AlbumArtistId", false, List.of(Index.Element.column("ArtistId")), "btree", null, false, null)),
                null, -1, -1, null, Map.of());
        Table measure = new Table("main", "measure", Table.Kind.REGULAR, List.of(
                col("id", 1, sqlite("int", null, null, null, "INT"), false, null),
                col("value", 2, sqlite("real", null, null, null, "REAL"), true, null),
                col("payload", 3, sqlite("blob", null, null, null, "BLOB"), true, null),
                col("flag", 4, sqlite("boolean", null, null, null, "BOOLEAN"), false, "0"),
                col("created", 5, sqlite("datetime", null, null, null, "DATETIME"), true, "CURRENT_TIMESTAMP"),
                col("amount", 6, sqlite("numeric", null, null, null, "NUMERIC"), true, null),
                col("label", 7, sqlite("text", null, null, null, "TEXT"), true, "'n/a'"),
                col("odd", 8, sqlite("varying stuff", null, null, null, "VARYING STUFF"), true, null),
                col("untyped", 9, sqlite("none", null, null, null, ""), true, null)),
                KeyConstraint.of(null, List.of("id")), List.of(KeyConstraint.of(null, List.of("label"))), List.of(),
                List.of(new CheckConstraint(null, "value > 0 AND typeof(value) = 'real'", true),
                        new CheckConstraint(null, "flag IN (0, 1)", true)),
                List.of(), null, -1, -1, null, Map.of());
        View titles = new View("main", "AlbumTitles", false,
                "SELECT a.\"Name\" || ' - ' || al.Title AS FullTitle FROM Album al JOIN Artist a ON a.ArtistId = al.ArtistId",
                List.of(), null, null);
        return new Schema("main", List.of(artist, album, measure), List.of(titles), List.of(), List.of(),
                List.of(new Trigger("main", "album_audit", "main", "Album", Trigger.Timing.AFTER, List.of("INSERT"), List.of(),
                        Trigger.Level.ROW, null, true, "CREATE TRIGGER album_audit AFTER INSERT ON Album BEGIN SELECT 1; END")),
                List.of(), List.of(), List.of());
    }
}
