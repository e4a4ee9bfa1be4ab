package dev.ferry.engine.catalog;

import dev.ferry.model.schema.Column;
import dev.ferry.model.schema.DataType;
import dev.ferry.model.schema.DatabaseModel;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.ForeignKey;
import dev.ferry.model.schema.Index;
import dev.ferry.model.schema.KeyConstraint;
import dev.ferry.model.schema.Partitioning;
import dev.ferry.model.schema.Schema;
import dev.ferry.model.schema.Table;
import dev.ferry.model.schema.View;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogPrinterTest {

    @Test
    void summaryHasTotalsSchemaLinesAndTableLines() {
        Column id = Column.of("id", 1, DataType.of("int"), false);
        Column ref = Column.of("parent", 2, DataType.of("int"), true);
        Table t = new Table("app", "orders", Table.Kind.REGULAR, List.of(id, ref), KeyConstraint.of("pk", List.of("id")), List.of(),
                List.of(new ForeignKey("fk", List.of("parent"), "app", "orders", List.of("id"), null, null, false, false, "SIMPLE")),
                List.of(), List.of(new Index("pk", true, List.of(Index.Element.column("id")), "btree", null, true, null)),
                null, 1234567, 5L * 1024 * 1024, null, Map.of());
        Table p = new Table("app", "events", Table.Kind.PARTITIONED, List.of(id), null, List.of(), List.of(), List.of(), List.of(),
                null, -1, -1, new Partitioning("range", List.of("id"), List.of(new Partitioning.Partition("p1", "x"),
                new Partitioning.Partition("p2", "y"))), Map.of());
        Schema s = new Schema("app", List.of(p, t), List.of(new View("app", "v", false, "select 1", List.of(), null, null),
                new View("app", "mv", true, "select 1", List.of(), null, null)), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        DatabaseModel m = new DatabaseModel(Engine.POSTGRESQL, "16.4", "shop", Instant.parse("2026-01-02T03:04:05Z"), List.of(s));
        String text = CatalogPrinter.summary(m);
        assertThat(text.lines().toList()).containsExactly(
                "PostgreSQL 16.4 — database shop — captured 2026-01-02T03:04:05Z",
                "1 schema, 2 tables, 1 view, 1 materialized view, 0 sequences, 0 routines, 0 triggers, 1 index, 1 foreign key, 0 types",
                "",
                "app: 2 tables, 2 views (1 materialized), 0 sequences, 0 routines, 0 triggers, 0 types",
                "  events  1 column  no PK  0 unique  0 FK  0 checks  0 indexes  [partitioned range, 2 partitions]",
                "  orders  2 columns  PK(id)  0 unique  1 FK  0 checks  1 index  ~1,234,567 rows  5.0 MB");
    }

    @Test
    void bytes() {
        assertThat(CatalogPrinter.bytes(512)).isEqualTo("512 B");
        assertThat(CatalogPrinter.bytes(8192)).isEqualTo("8.0 kB");
        assertThat(CatalogPrinter.bytes(48L * 1024)).isEqualTo("48 kB");
        assertThat(CatalogPrinter.bytes(3L * 1024 * 1024 * 1024)).isEqualTo("3.0 GB");
    }
}
