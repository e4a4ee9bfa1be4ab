package dev.ferry.engine.deploy;

import dev.ferry.model.schema.Engine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** DDL spellings and catalog spellings of the same type compare equal; different types do not. */
class TypeNamesTest {

    private static void same(Engine e, String ddl, String catalog) {
        assertThat(TypeNames.canonical(e, ddl)).as(ddl + " vs " + catalog).isEqualTo(TypeNames.canonical(e, catalog));
    }

    @Test
    void postgresAliases() {
        same(Engine.POSTGRESQL, "varchar(25)", "character varying(25)");
        same(Engine.POSTGRESQL, "char(2)", "character(2)");
        same(Engine.POSTGRESQL, "timestamp(0)", "timestamp(0) without time zone");
        same(Engine.POSTGRESQL, "timestamptz", "timestamp with time zone");
        same(Engine.POSTGRESQL, "timestamp(3) with time zone", "timestamp(3) with time zone");
        same(Engine.POSTGRESQL, "numeric(6)", "numeric(6,0)");
        same(Engine.POSTGRESQL, "int", "integer");
        same(Engine.POSTGRESQL, "bigserial", "bigint");
        same(Engine.POSTGRESQL, "int4[]", "integer[]");
        same(Engine.POSTGRESQL, "DOUBLE PRECISION", "double precision");
        assertThat(TypeNames.canonical(Engine.POSTGRESQL, "numeric(10,2)")).isNotEqualTo(TypeNames.canonical(Engine.POSTGRESQL, "numeric(12,2)"));
        assertThat(TypeNames.canonical(Engine.POSTGRESQL, "timestamp(0)")).isNotEqualTo(TypeNames.canonical(Engine.POSTGRESQL, "timestamptz(0)"));
        assertThat(TypeNames.canonical(Engine.POSTGRESQL, "integer")).isNotEqualTo(TypeNames.canonical(Engine.POSTGRESQL, "bigint"));
    }

    @Test
    void mysqlAliasesAndDisplayWidths() {
        same(Engine.MYSQL, "INT", "int(11)");
        same(Engine.MYSQL, "INTEGER UNSIGNED", "int(10) unsigned");
        same(Engine.MYSQL, "BOOLEAN", "tinyint(1)");
        same(Engine.MYSQL, "NUMERIC(10,2)", "decimal(10,2)");
        same(Engine.MYSQL, "DECIMAL", "decimal(10,0)");
        same(Engine.MYSQL, "tinyint", "tinyint(4)");
        assertThat(TypeNames.canonical(Engine.MYSQL, "tinyint(1)")).isNotEqualTo(TypeNames.canonical(Engine.MYSQL, "tinyint(4)"));
        assertThat(TypeNames.canonical(Engine.MYSQL, "int")).isNotEqualTo(TypeNames.canonical(Engine.MYSQL, "int unsigned"));
        assertThat(TypeNames.canonical(Engine.MYSQL, "varchar(60)")).isNotEqualTo(TypeNames.canonical(Engine.MYSQL, "varchar(200)"));
    }
}
