package dev.ferry.engine.catalog;

import dev.ferry.engine.catalog.mysql.MySqlCatalogReader;
import dev.ferry.engine.catalog.oracle.OracleCatalogReader;
import dev.ferry.engine.catalog.postgres.PostgresCatalogReader;
import dev.ferry.engine.catalog.sqlite.SqliteCatalogReader;
import dev.ferry.model.schema.Engine;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogReadersTest {

    @Test
    void oneReaderPerEngine() {
        assertThat(CatalogReaders.forEngine(Engine.POSTGRESQL)).isInstanceOf(PostgresCatalogReader.class);
        assertThat(CatalogReaders.forEngine(Engine.MYSQL)).isInstanceOf(MySqlCatalogReader.class);
        assertThat(CatalogReaders.forEngine(Engine.SQLITE)).isInstanceOf(SqliteCatalogReader.class);
        assertThat(CatalogReaders.forEngine(Engine.ORACLE)).isInstanceOf(OracleCatalogReader.class);
        assertThatThrownBy(() -> CatalogReaders.forEngine(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("engine");
    }

    @Test
    void requestMatchesSchemasCaseInsensitively() {
        CatalogRequest all = CatalogRequest.all();
        assertThat(all.wants("anything")).isTrue();
        assertThat(all.includeRowEstimates()).isTrue();
        assertThat(all.includeSource()).isTrue();
        CatalogRequest hr = CatalogRequest.schemas("HR", "sales").withRowEstimates(false).withSource(false);
        assertThat(hr.wants("hr")).isTrue();
        assertThat(hr.wants("SALES")).isTrue();
        assertThat(hr.wants("public")).isFalse();
        assertThat(hr.includeRowEstimates()).isFalse();
        assertThat(hr.includeSource()).isFalse();
        assertThat(new CatalogRequest(null, true, true).schemas()).isEqualTo(List.of());
    }
}
