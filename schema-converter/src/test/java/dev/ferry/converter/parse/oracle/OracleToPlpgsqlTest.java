package dev.ferry.converter.parse.oracle;

import dev.ferry.converter.assess.ActionCode;
import dev.ferry.converter.assess.ConversionResult;
import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.assess.ObjectStatus;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** PL/SQL → PL/pgSQL translation over the synthetic scripts: statuses, items and the translated text. */
class OracleToPlpgsqlTest {

    private static ConversionResult convert(String file) throws Exception {
        Path p = Path.of("src/test/resources/oracle/" + file);
        OracleParseResult parsed = new OracleParserFacade().parseScript(Files.readString(p), p);
        assertThat(parsed.errors()).isEmpty();
        return new OracleToPostgresConverter().convert("APP", parsed);
    }

    private static boolean has(ConvertedObject o, ActionCode code) {
        return o.actionItems().stream().anyMatch(i -> i.code().equals(code.code()));
    }

    @Test
    void triggers() throws Exception {
        ConversionResult r = convert("triggers.sql");
        ConvertedObject compound = r.object("TRIGGER:app.order_totals_ct").orElseThrow();
        assertThat(compound.converted()).isFalse();
        assertThat(compound.status()).isEqualTo(ObjectStatus.MANUAL);
        assertThat(has(compound, ActionCode.COMPOUND_TRIGGER)).isTrue();
        assertThat(compound.actionItems()).anyMatch(i -> i.recommendation().contains("transition tables"));

        ConvertedObject biu = r.object("TRIGGER:app.orders_biu").orElseThrow();
        assertThat(biu.converted()).isTrue();
        assertThat(biu.convertedSql())
                // REFERENCING NEW AS n: :n.x and :new.x are both NEW
                .contains("NEW.order_tms := COALESCE(NEW.order_tms, CURRENT_TIMESTAMP);")
                .contains("NEW.order_status := upper(NEW.order_status);")
                .contains("ELSIF (TG_OP = 'UPDATE' AND NEW.order_status IS DISTINCT FROM OLD.order_status) THEN")
                .contains("IF (TG_OP = 'INSERT') THEN")
                .contains("INSERT INTO order_log (order_id, action, at) VALUES (OLD.order_id, 'D', v_now);")
                .contains("BEFORE INSERT OR UPDATE OF order_status, store_id OR DELETE ON app.orders FOR EACH ROW")
                // WHEN referencing OLD on an INSERT trigger is not allowed in PostgreSQL: it became a guard
                .contains("IF NOT coalesce(NEW.order_status <> 'CANCELLED' OR OLD.order_status IS NULL, false) THEN")
                .contains("IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW;")
                .doesNotContain(":new").doesNotContain(":n.");
        assertThat(has(biu, ActionCode.TRIGGER_UPDATING_COLUMN)).isTrue();
        assertThat(has(biu, ActionCode.TRIGGER_ORDERING)).isTrue();

        ConvertedObject ioi = r.object("TRIGGER:app.order_view_ioi").orElseThrow();
        // disabled in Oracle; PostgreSQL cannot disable a trigger on a view: only the function is created
        assertThat(ioi.convertedSql()).contains("CREATE OR REPLACE FUNCTION app.order_view_ioi_fn()")
                .doesNotContain("CREATE TRIGGER");
        assertThat(ioi.actionItems()).anyMatch(i -> i.code().equals(ActionCode.TRIGGER_DISABLED.code())
                && i.message().contains("CREATE TRIGGER order_view_ioi INSTEAD OF INSERT ON app.order_view FOR EACH ROW"));
    }

    @Test
    void packageWithStateAndInitialisation() throws Exception {
        ConversionResult r = convert("pkg_state.sql");
        ConvertedObject pkg = r.object("PACKAGE:app.order_api").orElseThrow();
        assertThat(pkg.convertedSql()).startsWith("CREATE SCHEMA IF NOT EXISTS order_api");
        assertThat(has(pkg, ActionCode.PACKAGE_STATE)).isTrue();
        assertThat(has(pkg, ActionCode.PACKAGE_INITIALIZATION)).isTrue();
        assertThat(pkg.actionItems()).anyMatch(i -> i.recommendation().contains("set_config"));

        ConvertedObject total = r.object("ROUTINE:order_api.total").orElseThrow();
        assertThat(total.convertedSql()).contains("CREATE OR REPLACE FUNCTION order_api.total(p_order_id orders.order_id%TYPE)")
                .contains("RETURNS numeric").contains("INTO STRICT v_total");
        assertThat(has(total, ActionCode.PACKAGE_STATE_SETTING)).as("g_calls is package state").isTrue();
        assertThat(total.convertedSql()).contains("PERFORM set_config('order_api.g_calls', CAST(COALESCE(CAST(NULLIF("
                + "current_setting('order_api.g_calls', true), '') AS numeric), CAST(0 AS numeric)) + 1 AS text), false);");

        ConvertedObject archive = r.object("ROUTINE:order_api.archive").orElseThrow();
        assertThat(has(archive, ActionCode.AUTONOMOUS_TRANSACTION)).isTrue();
        assertThat(has(archive, ActionCode.FORALL_TO_LOOP)).isTrue();
        assertThat(has(archive, ActionCode.BULK_UNSUPPORTED)).isTrue();
        assertThat(archive.actionItems()).anyMatch(i -> i.recommendation().contains("pg_background"));
        assertThat(archive.convertedSql())
                .contains("OUT p_count numeric")
                .contains("FOR j IN REVERSE array_upper(l_rows, 1) .. array_lower(l_rows, 1) LOOP")
                .contains("RAISE EXCEPTION USING ERRCODE = 'U0001', MESSAGE = SQLERRM");

        ConvertedObject open = r.object("ROUTINE:order_api.open_orders").orElseThrow();
        assertThat(has(open, ActionCode.PIPELINED_FUNCTION)).isTrue();
        assertThat(open.convertedSql()).contains("RETURNS SETOF numeric").contains("RETURN NEXT r.order_id;");
    }

    @Test
    void utilityPackageFlagsDynamicSqlAndSuppliedPackages() throws Exception {
        ConversionResult r = convert("logger_pkg.sql");
        ConvertedObject log = r.object("ROUTINE:logger.log").orElseThrow();
        assertThat(has(log, ActionCode.DBMS_PACKAGE)).isTrue();
        assertThat(has(log, ActionCode.AUTONOMOUS_TRANSACTION)).isTrue();
        assertThat(log.convertedSql()).contains("IF NOT logger.enabled(p_level) THEN");
        ConvertedObject purge = r.object("ROUTINE:logger.purge").orElseThrow();
        assertThat(purge.convertedSql()).contains("EXECUTE 'DELETE FROM app.app_log WHERE lvl = $1' USING")
                .contains("CALL logger.log('INFO', concat('purged ', l_rows, ' rows'), p_module => 'LOGGER.PURGE');");
        assertThat(has(purge, ActionCode.DYNAMIC_SQL_LITERAL)).isTrue();
    }

    @Test
    void bindPlaceholdersAndOracleCodes() {
        assertThat(OracleToPlpgsql.placeholders("UPDATE t SET a = :a WHERE b = ':x' AND c = :2")).isEqualTo(
                "UPDATE t SET a = $1 WHERE b = ':x' AND c = $2");
        assertThat(OracleToPlpgsql.oracleCode(-20205)).isEqualTo("U0205");
        assertThat(OracleToPlpgsql.oracleCode(-1)).isEqualTo("23505");
        assertThat(OracleToPlpgsql.oracleCode(-4061)).isNull();
    }
}
