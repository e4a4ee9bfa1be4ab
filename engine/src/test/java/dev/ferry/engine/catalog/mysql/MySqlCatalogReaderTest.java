package dev.ferry.engine.catalog.mysql;

import dev.ferry.model.schema.DataType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** COLUMN_TYPE parsing and default normalisation for both flavours (MySQL 8 rows as its information_schema reports them). */
class MySqlCatalogReaderTest {

    @Test
    void columnTypes() {
        DataType e = MySqlCatalogReader.parseType("enum", "enum('a','it''s','x,y','back\\\\slash')", null);
        assertThat(e.values()).containsExactly("a", "it's", "x,y", "back\\slash");
        DataType i = MySqlCatalogReader.parseType("int", "int unsigned zerofill", null);
        assertThat(i.unsigned()).isTrue();
        assertThat(i.zerofill()).isTrue();
        assertThat(i.precision()).isNull();
        DataType d = MySqlCatalogReader.parseType("decimal", "decimal(10,2) unsigned", null);
        assertThat(d.precision()).isEqualTo(10);
        assertThat(d.scale()).isEqualTo(2);
        assertThat(d.unsigned()).isTrue();
        assertThat(MySqlCatalogReader.parseType("varchar", "varchar(255)", null).length()).isEqualTo(255L);
        assertThat(MySqlCatalogReader.parseType("datetime", "datetime(6)", 6).precision()).isEqualTo(6);
        assertThat(MySqlCatalogReader.parseType("timestamp", "timestamp", 0).precision()).isEqualTo(0);
        assertThat(MySqlCatalogReader.parseType("double", "double", null).precision()).isNull();
        assertThat(MySqlCatalogReader.parseType("year", "year", null).declared()).isEqualTo("year");
    }

    @Test
    void mysqlDefaultsBecomeSqlText() {
        assertThat(MySqlCatalogReader.normaliseDefault("abc", "varchar", false, false)).isEqualTo("'abc'");
        assertThat(MySqlCatalogReader.normaliseDefault("it's", "varchar", false, false)).isEqualTo("'it''s'");
        assertThat(MySqlCatalogReader.normaliseDefault("NULL", "varchar", false, false)).isEqualTo("'NULL'");
        assertThat(MySqlCatalogReader.normaliseDefault("", "char", false, false)).isEqualTo("''");
        assertThat(MySqlCatalogReader.normaliseDefault("2020-01-01", "date", false, false)).isEqualTo("'2020-01-01'");
        assertThat(MySqlCatalogReader.normaliseDefault("1.50", "decimal", false, false)).isEqualTo("1.50");
        assertThat(MySqlCatalogReader.normaliseDefault("CURRENT_TIMESTAMP", "timestamp", true, false)).isEqualTo("CURRENT_TIMESTAMP");
        assertThat(MySqlCatalogReader.normaliseDefault("CURRENT_TIMESTAMP(3)", "datetime", false, false)).isEqualTo("CURRENT_TIMESTAMP(3)");
        assertThat(MySqlCatalogReader.normaliseDefault("(uuid())", "varchar", true, false)).isEqualTo("(uuid())");
        assertThat(MySqlCatalogReader.normaliseDefault(null, "varchar", false, false)).isNull();
    }

    @Test
    void mariaDbDefaultsAreAlreadySql() {
        assertThat(MySqlCatalogReader.normaliseDefault("'abc'", "varchar", false, true)).isEqualTo("'abc'");
        assertThat(MySqlCatalogReader.normaliseDefault("'NULL'", "varchar", false, true)).isEqualTo("'NULL'");
        assertThat(MySqlCatalogReader.normaliseDefault("NULL", "varchar", false, true)).isNull();
        assertThat(MySqlCatalogReader.normaliseDefault("current_timestamp()", "timestamp", false, true)).isEqualTo("current_timestamp()");
        assertThat(MySqlCatalogReader.normaliseDefault("1.50", "decimal", false, true)).isEqualTo("1.50");
    }
}
