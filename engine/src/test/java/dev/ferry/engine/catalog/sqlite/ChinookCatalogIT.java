package dev.ferry.engine.catalog.sqlite;

import dev.ferry.engine.catalog.CatalogListener;
import dev.ferry.engine.catalog.CatalogPrinter;
import dev.ferry.engine.catalog.CatalogReaders;
import dev.ferry.engine.catalog.CatalogRequest;
import dev.ferry.model.schema.DatabaseModel;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.ForeignKey;
import dev.ferry.model.schema.Identity;
import dev.ferry.model.schema.Schema;
import dev.ferry.model.schema.Table;
import dev.ferry.testsupport.RequiresCorpus;
import dev.ferry.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteConfig;

import java.nio.file.Path;
import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the prebuilt Chinook SQLite databases of ../shared/corpora/chinook (opened read-only). Expected numbers come
 * from ChinookDatabase/DataSources/Chinook_Sqlite.sql: 11 "CREATE TABLE", 11 "FOREIGN KEY", 11 "CREATE INDEX" (plus
 * the automatic index of PlaylistTrack's composite primary key), 64 column definitions, 3503 Track rows.
 */
@RequiresCorpus
class ChinookCatalogIT {

    private static DatabaseModel read(String file, boolean rows) throws Exception {
        Path db = TestDatabases.corpus().orElseThrow().resolve("chinook/ChinookDatabase/DataSources").resolve(file);
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection c = config.createConnection("jdbc:sqlite:" + db)) {
            long t0 = System.nanoTime();
            DatabaseModel m = CatalogReaders.forEngine(Engine.SQLITE).read(c, CatalogRequest.all().withRowEstimates(rows), CatalogListener.NO_OP);
            System.out.printf("ChinookCatalogIT: reading %s (rows=%s) took %d ms%n", file, rows, (System.nanoTime() - t0) / 1_000_000);
            return m;
        }
    }

    @Test
    void chinookSqlite() throws Exception {
        DatabaseModel model = read("Chinook_Sqlite.sqlite", true);
        System.out.println(CatalogPrinter.summary(model));
        Schema s = model.schema("main").orElseThrow();
        assertThat(s.tables()).extracting(Table::name).containsExactly("Album", "Artist", "Customer", "Employee", "Genre", "Invoice",
                "InvoiceLine", "MediaType", "Playlist", "PlaylistTrack", "Track");
        assertThat(s.tables().stream().mapToInt(t -> t.columns().size()).sum()).isEqualTo(64);
        assertThat(s.tables().stream().mapToInt(t -> t.foreignKeys().size()).sum()).isEqualTo(11);
        assertThat(s.tables().stream().mapToInt(t -> t.indexes().size()).sum()).isEqualTo(12);
        assertThat(s.tables().stream().filter(t -> t.primaryKey() != null).count()).isEqualTo(11);
        Table track = s.table("Track").orElseThrow();
        assertThat(track.estimatedRows()).isEqualTo(3503);
        assertThat(track.column("UnitPrice").orElseThrow().type().precision()).isEqualTo(10);
        assertThat(track.column("UnitPrice").orElseThrow().type().scale()).isEqualTo(2);
        assertThat(track.column("Name").orElseThrow().type().declared()).isEqualTo("NVARCHAR(200)");
        assertThat(track.column("Name").orElseThrow().type().length()).isEqualTo(200L);
        assertThat(track.foreignKeys()).extracting(ForeignKey::referencedTable).containsExactlyInAnyOrder("Album", "Genre", "MediaType");
        assertThat(s.table("Employee").orElseThrow().foreignKeys()).singleElement().satisfies(fk -> {
            assertThat(fk.columns()).containsExactly("ReportsTo");
            assertThat(fk.referencedTable()).isEqualTo("Employee");
            assertThat(fk.referencedColumns()).containsExactly("EmployeeId");
            assertThat(fk.onDelete()).isEqualTo(ForeignKey.Action.NO_ACTION);
        });
        Table pt = s.table("PlaylistTrack").orElseThrow();
        assertThat(pt.primaryKey().name()).isEqualTo("PK_PlaylistTrack");
        assertThat(pt.primaryKey().columns()).containsExactly("PlaylistId", "TrackId");
        assertThat(s.table("Album").orElseThrow().options()).containsEntry("rowid_alias", "AlbumId");
    }

    @Test
    void chinookWithAutoincrementKeys() throws Exception {
        DatabaseModel model = read("Chinook_Sqlite_AutoIncrementPKs.sqlite", false);
        Schema s = model.schema("main").orElseThrow();
        // sqlite_sequence is internal and not reported
        assertThat(s.tables()).hasSize(11);
        assertThat(s.tables().stream().mapToInt(t -> t.columns().size()).sum()).isEqualTo(64);
        assertThat(s.tables().stream().mapToInt(t -> t.foreignKeys().size()).sum()).isEqualTo(11);
        Identity genre = s.table("Genre").orElseThrow().column("GenreId").orElseThrow().identity();
        assertThat(genre.kind()).isEqualTo(Identity.Kind.AUTOINCREMENT);
        assertThat(genre.start()).isEqualTo(26L); // sqlite_sequence says Genre|25
        assertThat(s.table("Track").orElseThrow().estimatedRows()).isEqualTo(-1);
    }
}
