package dev.ferry.app.convert;

import dev.ferry.converter.assess.ObjectStatus;
import dev.ferry.engine.catalog.CatalogListener;
import dev.ferry.engine.catalog.CatalogReaders;
import dev.ferry.engine.catalog.CatalogRequest;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.Schema;
import dev.ferry.model.schema.Table;
import dev.ferry.testsupport.RequiresCorpus;
import dev.ferry.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteConfig;

import java.nio.file.Path;
import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/** SQLite → MariaDB on the corpus files (read-only): Chinook (both variants) and the employees SQLite set. */
@RequiresCorpus
class SqliteToMySqlCorpusIT {

    private static Schema read(Path file) throws Exception {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection c = config.createConnection("jdbc:sqlite:" + file)) {
            return CatalogReaders.forEngine(Engine.SQLITE).read(c, CatalogRequest.all(), CatalogListener.NO_OP)
                    .schema("main").orElseThrow();
        }
    }

    @Test
    void chinook() throws Exception {
        Path dir = TestDatabases.corpus().orElseThrow().resolve("chinook/ChinookDatabase/DataSources");
        Schema source = read(dir.resolve("Chinook_Sqlite.sqlite"));
        MySqlTargetHarness.Run run = MySqlTargetHarness.run(Engine.SQLITE, source, "chinook_my");
        System.out.println(run.figures("SQLite Chinook → MariaDB"));
        PostgresToMySqlCorpusIT.compare(source, run);
        assertThat(run.count(ObjectStatus.MANUAL)).isZero();
        // names keep their case; INTEGER PRIMARY KEY (the rowid) → AUTO_INCREMENT bigint; NVARCHAR(160) → varchar(160)
        Table album = run.deployed().table("Album").orElseThrow();
        assertThat(album.name()).isEqualTo("Album");
        assertThat(album.column("AlbumId").orElseThrow().identity()).isNotNull();
        assertThat(album.column("AlbumId").orElseThrow().type().declared()).startsWith("bigint");
        assertThat(album.column("Title").orElseThrow().type().declared()).isEqualTo("varchar(160)");
        assertThat(run.deployed().table("Track").orElseThrow().column("UnitPrice").orElseThrow().type().declared())
                .isEqualTo("decimal(10,2)");
        // 11 foreign keys and their indexes
        assertThat(run.deployed().tables().stream().mapToInt(t -> t.foreignKeys().size()).sum()).isEqualTo(11);
    }

    @Test
    void chinookWithAutoIncrement() throws Exception {
        Path dir = TestDatabases.corpus().orElseThrow().resolve("chinook/ChinookDatabase/DataSources");
        Schema source = read(dir.resolve("Chinook_Sqlite_AutoIncrementPKs.sqlite"));
        MySqlTargetHarness.Run run = MySqlTargetHarness.run(Engine.SQLITE, source, "chinook_ai_my");
        System.out.println(run.figures("SQLite Chinook (AUTOINCREMENT) → MariaDB"));
        PostgresToMySqlCorpusIT.compare(source, run);
        assertThat(run.count(ObjectStatus.MANUAL)).isZero();
        assertThat(run.deployed().table("Genre").orElseThrow().column("GenreId").orElseThrow().identity()).isNotNull();
    }

    @Test
    void employees() throws Exception {
        Path file = TestDatabases.corpus().orElseThrow().resolve("employees/sqlite/dataset_small/employee.db");
        Schema source = read(file);
        MySqlTargetHarness.Run run = MySqlTargetHarness.run(Engine.SQLITE, source, "emp_sqlite_my");
        System.out.println(run.figures("SQLite employees → MariaDB"));
        PostgresToMySqlCorpusIT.compare(source, run);
        assertThat(run.deployed().views()).extracting(v -> v.name()).contains("dept_emp_latest_date", "current_dept_emp");
    }
}
