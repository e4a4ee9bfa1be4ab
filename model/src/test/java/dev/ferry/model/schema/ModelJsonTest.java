package dev.ferry.model.schema;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelJsonTest {

    static DatabaseModel sample() {
        DataType varchar = new DataType("varchar", 30L, null, null, DataType.CharSemantics.CHAR, false, false, List.of(), 0, "varchar(30)");
        DataType en = new DataType("enum", null, null, null, null, false, false, List.of("a", "b"), 0, "enum('a','b')");
        DataType arr = new DataType("integer", null, null, null, null, true, true, List.of(), 2, "integer[][]");
        Column id = Column.of("id", 1, DataType.of("bigint"), false).withIdentity(new Identity(Identity.Kind.ALWAYS, 1L, 1L, "s.t_id_seq"));
        Column name = new Column("name", 2, varchar, true, "'x'::text", null, "upper(code)", true, "utf8mb4", "utf8mb4_bin", "the name", "CURRENT_TIMESTAMP");
        Column kind = Column.of("kind", 3, en, true);
        Column tags = Column.of("tags", 4, arr, true).withComment("tags");
        Table t = new Table("s", "t", Table.Kind.PARTITIONED, List.of(id, name, kind, tags), KeyConstraint.of("t_pk", List.of("id")),
                List.of(new KeyConstraint("t_uk", List.of("name"), true, true)),
                List.of(new ForeignKey("t_fk", List.of("kind"), "s", "k", List.of("id"), ForeignKey.Action.CASCADE, ForeignKey.Action.SET_NULL, true, false, "FULL")),
                List.of(new CheckConstraint("t_ck", "id > 0", true)),
                List.of(new Index("t_ix", false, List.of(new Index.Element(null, "lower(name)", true, null), new Index.Element("name", null, false, 10)),
                        "btree", "id > 5", false, null)),
                "a table", 42, 8192, new Partitioning("range", List.of("id"), List.of(new Partitioning.Partition("p1", "FOR VALUES FROM (1) TO (10)"))),
                Map.of("engine", "InnoDB"));
        Schema s = new Schema("s", List.of(t),
                List.of(new View("s", "v", true, "select 1", List.of(Column.of("x", 1, DataType.of("int"), true)), "CASCADED", "v comment")),
                List.of(new Sequence("s", "q", "bigint", 1L, 1L, 1L, null, 20L, true, 5L, "s.t.id")),
                List.of(new Routine("s", "f", Routine.Kind.FUNCTION, List.of(new Routine.Parameter("a", "INOUT", "int", "1")), "int", "sql", true, "create function f", null)),
                List.of(new Trigger("s", "tr", "s", "t", Trigger.Timing.BEFORE, List.of("INSERT", "UPDATE"), List.of("name"), Trigger.Level.ROW, "new.id > 0", true, "create trigger")),
                List.of(new PackageDef("s", "p", "spec", "body")),
                List.of(new Synonym("PUBLIC", "syn", "s", "t", "remote")),
                List.of(new UserType("s", "mood", UserType.Kind.ENUM, List.of("sad", "ok"), List.of(), null, null),
                        new UserType("s", "pt", UserType.Kind.COMPOSITE, List.of(), List.of(Column.of("x", 1, DataType.of("int"), true)), null, null)));
        return new DatabaseModel(Engine.POSTGRESQL, "16.4", "db", Instant.parse("2026-11-21T12:00:00.123456Z"), List.of(s));
    }

    @Test
    void roundTripsEveryElement() {
        DatabaseModel m = sample();
        String json = ModelJson.write(m);
        assertThat(json).contains("\"capturedAt\" : \"2026-11-21T12:00:00.123456Z\"")
                .contains("\"onUpdate\" : \"CURRENT_TIMESTAMP\"")
                .contains("\"prefixLength\" : 10")
                .doesNotContain("\"partial\"")
                .contains("\n  ");
        DatabaseModel back = ModelJson.read(json);
        assertThat(back).isEqualTo(m);
        assertThat(back.schemas().get(0).tables().get(0).indexes().get(0).isPartial()).isTrue();
    }

    @Test
    void roundTripsThroughAFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("model.json");
        ModelJson.write(sample(), f);
        assertThat(Files.size(f)).isPositive();
        assertThat(ModelJson.read(f)).isEqualTo(sample());
    }

    @Test
    void rejectsGarbageWithAClearMessage(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> ModelJson.read("{\"engine\": \"DB2\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a Ferry catalog model");
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\n  \"engine\": \"POSTGRESQL\",\n  \"capturedAt\": \"yesterday\"\n}");
        assertThatThrownBy(() -> ModelJson.read(f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad.json").hasMessageContaining("line 3");
    }
}
