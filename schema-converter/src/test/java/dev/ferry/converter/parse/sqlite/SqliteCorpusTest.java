package dev.ferry.converter.parse.sqlite;

import static dev.ferry.converter.parse.CorpusTiming.assertParsesQuickly;
import static dev.ferry.converter.parse.CorpusTiming.corpusFile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.converter.ast.CreateIndex;
import dev.ferry.converter.ast.CreateTable;
import dev.ferry.converter.ast.CreateView;
import dev.ferry.converter.ast.Statement;
import dev.ferry.converter.parse.ParseResult;
import dev.ferry.testsupport.RequiresCorpus;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every statement of the real SQLite sample scripts parses, each file in under a second. */
@RequiresCorpus
class SqliteCorpusTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "chinook/ChinookDatabase/DataSources/Chinook_Sqlite.sql",
        "chinook/ChinookDatabase/DataSources/Chinook_Sqlite_AutoIncrementPKs.sql",
        "employees/sqlite/dataset_small/employee.sql",
        "employees/sqlite/dataset_small/object.sql",
        "employees/sqlite/dataset_small/show_elapsed.sql",
        "employees/sqlite/dataset_small/test_employee_md5.sql",
        "employees/sqlite/dataset_small/load_department.sql",
        "employees/sqlite/dataset_small/load_dept_emp.sql",
        "employees/sqlite/dataset_small/load_dept_manager.sql",
        "employees/sqlite/dataset_small/load_employee.sql",
        "employees/sqlite/dataset_small/load_salary1.sql",
        "employees/sqlite/dataset_small/load_title.sql"})
    void corpusFileParsesWithoutErrorsInUnderASecond(String relative) throws Exception {
        assertThat(assertParsesQuickly(SqliteParserFacade.INSTANCE, corpusFile(relative))).isPositive();
    }

    @Test
    void chinookSchemaIsModelled() throws Exception {
        var file = corpusFile("chinook/ChinookDatabase/DataSources/Chinook_Sqlite.sql");
        ParseResult r = SqliteParserFacade.INSTANCE.parseScript(Files.readString(file), "Chinook_Sqlite.sql");
        var tables = r.parsed().stream().filter(CreateTable.class::isInstance).map(CreateTable.class::cast).toList();
        assertThat(tables).extracting(t -> t.name().last().value())
                .containsExactly("Album", "Artist", "Customer", "Employee", "Genre", "Invoice", "InvoiceLine",
                        "MediaType", "Playlist", "PlaylistTrack", "Track");
        CreateTable track = tables.get(10);
        assertThat(track.columns()).hasSize(9);
        assertThat(track.constraints()).extracting(c -> c.kind().name())
                .containsExactly("PRIMARY_KEY", "FOREIGN_KEY", "FOREIGN_KEY", "FOREIGN_KEY");
        assertThat(track.constraints().get(1).references().table().last().value()).isEqualTo("Album");
        assertThat(track.constraints().get(1).references().onDelete()).isEqualTo("NO ACTION");
        assertThat(r.parsed().stream().filter(CreateIndex.class::isInstance).count()).isEqualTo(11);
    }

    @Test
    void employeeViewsAndShellCommandsAreRecognised() throws Exception {
        var file = corpusFile("employees/sqlite/dataset_small/employee.sql");
        ParseResult r = SqliteParserFacade.INSTANCE.parseScript(Files.readString(file), "employee.sql");
        assertThat(r.parsed().stream().filter(CreateView.class::isInstance).map(Statement::text))
                .anySatisfy(t -> assertThat(t).startsWith("CREATE VIEW current_dept_emp AS"));
        assertThat(r.statements()).filteredOn(s -> s.chunk().clientCommand())
                .extracting(s -> s.chunk().text()).contains(".read load_department.sql");
    }
}
