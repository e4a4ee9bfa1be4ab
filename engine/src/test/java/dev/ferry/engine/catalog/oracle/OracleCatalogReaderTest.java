package dev.ferry.engine.catalog.oracle;

import dev.ferry.model.schema.DataType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** The pure parts of the Oracle reader; the dictionary queries are covered by {@link OracleCatalogReaderIT}. */
class OracleCatalogReaderTest {

    @Test
    void dataTypesFromDictionaryRows() {
        DataType v = OracleCatalogReader.dataType("VARCHAR2", null, 120L, null, null, "C", 30L);
        assertThat(v.name()).isEqualTo("varchar2");
        assertThat(v.length()).isEqualTo(30L);
        assertThat(v.charSemantics()).isEqualTo(DataType.CharSemantics.CHAR);
        assertThat(v.declared()).isEqualTo("VARCHAR2(30 CHAR)");
        assertThat(OracleCatalogReader.dataType("CHAR", null, 4L, null, null, "B", 4L).declared()).isEqualTo("CHAR(4 BYTE)");
        assertThat(OracleCatalogReader.dataType("NVARCHAR2", null, 40L, null, null, "C", 20L).declared()).isEqualTo("NVARCHAR2(20)");
        assertThat(OracleCatalogReader.dataType("NUMBER", null, 22L, 12, 2, null, 0L).declared()).isEqualTo("NUMBER(12,2)");
        assertThat(OracleCatalogReader.dataType("NUMBER", null, 22L, null, 0, null, 0L).declared()).isEqualTo("NUMBER(*,0)");
        assertThat(OracleCatalogReader.dataType("NUMBER", null, 22L, null, null, null, 0L).declared()).isEqualTo("NUMBER");
        DataType ts = OracleCatalogReader.dataType("TIMESTAMP(3) WITH TIME ZONE", null, 13L, null, 3, null, 0L);
        assertThat(ts.name()).isEqualTo("timestamp with time zone");
        assertThat(ts.precision()).isEqualTo(3);
        assertThat(ts.declared()).isEqualTo("TIMESTAMP(3) WITH TIME ZONE");
        DataType iv = OracleCatalogReader.dataType("INTERVAL DAY(2) TO SECOND(6)", null, 11L, 2, 6, null, 0L);
        assertThat(iv.name()).isEqualTo("interval day to second");
        assertThat(iv.precision()).isEqualTo(2);
        assertThat(iv.scale()).isEqualTo(6);
        assertThat(OracleCatalogReader.dataType("RAW", null, 16L, null, null, null, 0L).declared()).isEqualTo("RAW(16)");
        assertThat(OracleCatalogReader.dataType("ADDR_T", "HR", null, null, null, null, null).name()).isEqualTo("HR.ADDR_T");
        assertThat(OracleCatalogReader.dataType("XMLTYPE", "SYS", 2000L, null, null, null, 0L).name()).isEqualTo("xmltype");
    }

    @Test
    void indexMethodsAndBigNumbers() {
        assertThat(OracleCatalogReader.indexMethod("NORMAL")).isEqualTo("btree");
        assertThat(OracleCatalogReader.indexMethod("FUNCTION-BASED NORMAL")).isEqualTo("btree");
        assertThat(OracleCatalogReader.indexMethod("BITMAP")).isEqualTo("bitmap");
        assertThat(OracleCatalogReader.indexMethod("NORMAL/REV")).isEqualTo("reverse");
        assertThat(OracleCatalogReader.indexMethod("DOMAIN")).isEqualTo("domain");
        assertThat(OracleCatalogReader.toLong(new BigDecimal("9999999999999999999999999999"))).isNull();
        assertThat(OracleCatalogReader.toLong(new BigDecimal("42"))).isEqualTo(42L);
    }
}
