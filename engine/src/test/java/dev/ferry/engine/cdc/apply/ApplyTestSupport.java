package dev.ferry.engine.cdc.apply;

import dev.ferry.engine.catalog.CatalogReaders;
import dev.ferry.engine.catalog.CatalogRequest;
import dev.ferry.engine.catalog.CatalogListener;
import dev.ferry.engine.load.LoadEndpoint;
import dev.ferry.engine.load.LoadPlan;
import dev.ferry.engine.load.LoadPlanner;
import dev.ferry.engine.load.LoadSettings;
import dev.ferry.engine.validate.TableValidation;
import dev.ferry.engine.validate.Validator;
import dev.ferry.model.schema.DatabaseModel;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.Table;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Helpers shared by the applier ITs: catalog-based table pairs, validation, counting. */
final class ApplyTestSupport {

    private ApplyTestSupport() {
    }

    static Table table(LoadEndpoint endpoint, String schema, String name) throws SQLException {
        try (Connection c = endpoint.connections().open()) {
            DatabaseModel m = CatalogReaders.forEngine(endpoint.engine()).read(c, CatalogRequest.schemas(schema), CatalogListener.NO_OP);
            return m.schema(schema).flatMap(s -> s.table(name))
                    .orElseThrow(() -> new AssertionError("no table " + schema + "." + name + " on " + endpoint.engine()));
        }
    }

    /** Validates source tables against target tables of the same name (target schema {@code targetSchema}). */
    static List<TableValidation> validate(LoadEndpoint source, String sourceSchema, LoadEndpoint target, String targetSchema,
                                          String... tables) throws SQLException {
        List<LoadPlanner.TablePair> pairs = new ArrayList<>();
        for (String t : tables) {
            pairs.add(new LoadPlanner.TablePair(table(source, sourceSchema, t), table(target, targetSchema, t)));
        }
        LoadPlan plan = new LoadPlanner(source, LoadSettings.defaults("validate")).plan(pairs);
        return Validator.compare(source, target, plan.jobs());
    }

    static void assertValidated(List<TableValidation> results) {
        for (TableValidation v : results) {
            assertThat(v.status()).as(v.toString()).isEqualTo(TableValidation.Status.VALIDATED);
        }
    }

    static long count(LoadEndpoint endpoint, String sql) throws SQLException {
        try (Connection c = endpoint.connections().open(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String string(LoadEndpoint endpoint, String sql) throws SQLException {
        try (Connection c = endpoint.connections().open(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static boolean isPostgres(LoadEndpoint e) {
        return e.engine() == Engine.POSTGRESQL;
    }
}
