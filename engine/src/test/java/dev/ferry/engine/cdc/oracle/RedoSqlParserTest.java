package dev.ferry.engine.cdc.oracle;

import dev.ferry.engine.cdc.ChangeEvent.Operation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SQL_REDO samples written after the shapes in Oracle's "Using LogMiner to Analyze Redo Log Files" (Database Utilities,
 * V$LOGMNR_CONTENTS examples) and the variants LogMiner produces for other types; not captured from a server.
 */
class RedoSqlParserTest {

    private final RedoSqlParser parser = new RedoSqlParser();

    @Test
    void insertAsInTheOracleDocumentation() {
        RedoStatement r = parser.parse("insert into \"HR\".\"JOBS\"(\"JOB_ID\",\"JOB_TITLE\",\"MIN_SALARY\",\"MAX_SALARY\") "
                + "values ('IT_WT','Technical Writer','4000','11000');");
        assertThat(r.operation()).isEqualTo(Operation.INSERT);
        assertThat(r.schema()).isEqualTo("HR");
        assertThat(r.table()).isEqualTo("JOBS");
        assertThat(r.newValues()).containsExactly(Map.entry("JOB_ID", "IT_WT"), Map.entry("JOB_TITLE", "Technical Writer"),
                Map.entry("MIN_SALARY", "4000"), Map.entry("MAX_SALARY", "11000"));
        assertThat(r.oldValues()).isEmpty();
        assertThat(r.rowId()).isNull();
    }

    @Test
    void insertWithDatesNullsRawAndQuotes() {
        RedoStatement r = parser.parse("insert into \"HR\".\"EMPLOYEES\"(\"EMPLOYEE_ID\",\"LAST_NAME\",\"HIRE_DATE\",\"COMMISSION_PCT\","
                + "\"PHOTO\",\"NOTE\",\"UPDATED\",\"SEEN\") values ('306','O''Brien',TO_DATE('10-JAN-2012 13:34:43', 'dd-mon-yyyy hh24:mi:ss'),"
                + "NULL,HEXTORAW('00ff5c0a'),EMPTY_CLOB(),TO_TIMESTAMP('2024-02-29 23:59:58.123456'),"
                + "TO_TIMESTAMP_TZ('2024-03-01 10:00:00.5 +02:00'));");
        Map<String, Object> v = r.newValues();
        assertThat(v.get("LAST_NAME")).isEqualTo("O'Brien");
        assertThat(v.get("HIRE_DATE")).isEqualTo(LocalDateTime.of(2012, 1, 10, 13, 34, 43));
        assertThat(v).containsKey("COMMISSION_PCT");
        assertThat(v.get("COMMISSION_PCT")).isNull();
        assertThat((byte[]) v.get("PHOTO")).containsExactly(0x00, 0xff, 0x5c, 0x0a);
        assertThat(v.get("NOTE")).isEqualTo("");
        assertThat(v.get("UPDATED")).isEqualTo(LocalDateTime.of(2024, 2, 29, 23, 59, 58, 123_456_000));
        assertThat(v.get("SEEN")).isEqualTo(OffsetDateTime.parse("2024-03-01T10:00:00.5+02:00"));
    }

    @Test
    void updateWithSupplementalWhereAndRowId() {
        RedoStatement r = parser.parse("update \"HR\".\"JOBS\" set \"JOB_TITLE\" = 'FI_ACCOUNTANT', \"MAX_SALARY\" = NULL "
                + "where \"JOB_ID\" = 'FI_ACCOUNT' and \"JOB_TITLE\" = 'Accountant' and \"MAX_SALARY\" IS NULL and ROWID = 'AAAHSeAABAAAY+CAAX';");
        assertThat(r.operation()).isEqualTo(Operation.UPDATE);
        assertThat(r.newValues()).containsExactly(Map.entry("JOB_TITLE", "FI_ACCOUNTANT"), new java.util.AbstractMap.SimpleEntry<String, Object>("MAX_SALARY", null));
        assertThat(r.oldValues()).containsExactly(Map.entry("JOB_ID", "FI_ACCOUNT"), Map.entry("JOB_TITLE", "Accountant"),
                new java.util.AbstractMap.SimpleEntry<String, Object>("MAX_SALARY", null));
        assertThat(r.rowId()).isEqualTo("AAAHSeAABAAAY+CAAX");
    }

    @Test
    void deleteAsInTheOracleDocumentationAndWithoutRowId() {
        RedoStatement r = parser.parse("delete from \"OE\".\"ORDERS\" where \"ORDER_ID\" = '2413' and \"ORDER_MODE\" = 'direct' "
                + "and \"CUSTOMER_ID\" = '101' and \"ORDER_STATUS\" = '5' and \"ORDER_TOTAL\" = '48552' and \"SALES_REP_ID\" = '161' "
                + "and \"PROMOTION_ID\" IS NULL and ROWID = 'AAAHTCAABAAAZAPAAN';");
        assertThat(r.operation()).isEqualTo(Operation.DELETE);
        assertThat(r.table()).isEqualTo("ORDERS");
        assertThat(r.oldValues()).hasSize(7).containsEntry("ORDER_TOTAL", "48552").containsEntry("PROMOTION_ID", null);
        assertThat(r.rowId()).isEqualTo("AAAHTCAABAAAZAPAAN");

        RedoStatement noRowId = parser.parse("delete from \"OE\".\"ORDERS\" where \"ORDER_ID\" = '2413'");
        assertThat(noRowId.rowId()).isNull();
        assertThat(noRowId.oldValues()).containsExactly(Map.entry("ORDER_ID", "2413"));
    }

    @Test
    void unquotedNumbersMixedCaseNamesUnistrAndMultiLineText() {
        RedoStatement r = parser.parse("INSERT INTO \"app\".\"Mixed \"\"Case\"\"\"(\"id\",\"amount\",\"n\",\"txt\",\"uni\") "
                + "VALUES (42,-12.50,1.5E+3,'line 1\nline 2 ; with semicolon',UNISTR('caf\\00e9 \\\\'));");
        assertThat(r.schema()).isEqualTo("app");
        assertThat(r.table()).isEqualTo("Mixed \"Case\"");
        assertThat(r.newValues().get("id")).isEqualTo(new BigDecimal("42"));
        assertThat(r.newValues().get("amount")).isEqualTo(new BigDecimal("-12.50"));
        assertThat(r.newValues().get("n")).isEqualTo(new BigDecimal("1.5E+3"));
        assertThat(r.newValues().get("txt")).isEqualTo("line 1\nline 2 ; with semicolon");
        assertThat(r.newValues().get("uni")).isEqualTo("café \\");
    }

    @Test
    void badInputNamesTheColumnAndQuotesTheText() {
        assertThatThrownBy(() -> parser.parse("insert into \"S\".\"T\"(\"A\",\"B\") values ('1');"))
                .isInstanceOf(RedoSqlParser.RedoParseException.class).hasMessageContaining("2 columns but 1 values");
        assertThatThrownBy(() -> parser.parse("update \"S\".\"T\" set \"A\" = SYSDATE where \"A\" = '1'"))
                .isInstanceOf(RedoSqlParser.RedoParseException.class)
                .hasMessageContaining("SQL_REDO column 26: unsupported literal near 'SYSDATE");
        assertThatThrownBy(() -> parser.parse("Unsupported"))
                .isInstanceOf(RedoSqlParser.RedoParseException.class).hasMessageContaining("expected insert, update or delete");
        assertThatThrownBy(() -> parser.parse("insert into \"S\".\"T\"(\"A\") values ('open"))
                .hasMessageContaining("unterminated string literal");
        assertThatThrownBy(() -> parser.parse("insert into \"S\".\"T\"(\"A\") values (TO_DATE('31-XYZ-2020', 'dd-mon-yyyy'))"))
                .hasMessageContaining("cannot read '31-XYZ-2020' with format 'dd-mon-yyyy'");
        assertThatThrownBy(() -> parser.parse("insert into \"S\".\"T\"(\"A\") values (HEXTORAW('abc'))"))
                .hasMessageContaining("even number of hex digits");
    }
}
