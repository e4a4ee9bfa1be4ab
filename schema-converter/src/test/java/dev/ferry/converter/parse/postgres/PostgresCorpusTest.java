package dev.ferry.converter.parse.postgres;

import static dev.ferry.converter.parse.CorpusTiming.assertParsesQuickly;
import static dev.ferry.converter.parse.CorpusTiming.corpusFile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.converter.ast.AlterTable;
import dev.ferry.converter.ast.CreateFunction;
import dev.ferry.converter.ast.CreateTable;
import dev.ferry.converter.ast.CreateTrigger;
import dev.ferry.converter.ast.OtherStatement;
import dev.ferry.converter.parse.ParseResult;
import dev.ferry.testsupport.RequiresCorpus;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every statement of the real PostgreSQL sample scripts parses, each file in under a second. */
@RequiresCorpus
class PostgresCorpusTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "northwind-postgres/northwind.sql",
        "chinook/ChinookDatabase/DataSources/Chinook_PostgreSql.sql",
        "chinook/ChinookDatabase/DataSources/Chinook_PostgreSql_AutoIncrementPKs.sql",
        "chinook/ChinookDatabase/DataSources/Chinook_PostgreSql_SerialPKs.sql",
        "employees/postgres/dataset_small/employee.sql",
        "employees/postgres/dataset_full/employee.sql",
        "employees/postgres/dataset_small/load_department.sql",
        "employees/postgres/dataset_small/load_dept_emp.sql",
        "employees/postgres/dataset_small/load_dept_manager.sql",
        "employees/postgres/dataset_small/load_employee.sql",
        "employees/postgres/dataset_small/load_salary1.sql",
        "employees/postgres/dataset_small/load_title.sql",
        "employees/postgres/dataset_full/load_dept_manager.sql"})
    void corpusFileParsesWithoutErrorsInUnderASecond(String relative) throws Exception {
        assertThat(assertParsesQuickly(PostgresParserFacade.INSTANCE, corpusFile(relative))).isPositive();
    }

    @Test
    void northwindKeysComeFromAlterTable() throws Exception {
        var file = corpusFile("northwind-postgres/northwind.sql");
        ParseResult r = PostgresParserFacade.INSTANCE.parseScript(Files.readString(file), "northwind.sql");
        assertThat(r.parsed().stream().filter(CreateTable.class::isInstance).count()).isEqualTo(14);
        var adds = r.parsed().stream().filter(AlterTable.class::isInstance).map(AlterTable.class::cast)
                .filter(a -> a.only()).flatMap(a -> a.actions().stream())
                .filter(AlterTable.AddConstraint.class::isInstance).map(AlterTable.AddConstraint.class::cast)
                .map(AlterTable.AddConstraint::constraint).toList();
        assertThat(adds).anySatisfy(c -> {
            assertThat(c.name().value()).isEqualTo("fk_orders_customers");
            assertThat(c.references().table().dotted()).isEqualTo("customers");
            assertThat(c.references().columns()).isEmpty();
        });
        assertThat(r.parsed()).filteredOn(OtherStatement.class::isInstance)
                .extracting(s -> ((OtherStatement) s).kind()).contains("SET", "INSERT");
    }

    @Test
    void employeeTriggerFunctionAndMetaCommands() throws Exception {
        var file = corpusFile("employees/postgres/dataset_small/employee.sql");
        ParseResult r = PostgresParserFacade.INSTANCE.parseScript(Files.readString(file), "employee.sql");
        CreateFunction fn = r.parsed().stream().filter(CreateFunction.class::isInstance)
                .map(CreateFunction.class::cast).findFirst().orElseThrow();
        assertThat(fn.name().dotted()).isEqualTo("log_dml_operations");
        assertThat(fn.returns()).isEqualTo("TRIGGER");
        assertThat(fn.language()).isEqualTo("plpgsql");
        assertThat(fn.body()).startsWith("\nBEGIN\n    IF (TG_OP = 'INSERT') THEN").endsWith("END;\n");
        CreateTrigger trg = r.parsed().stream().filter(CreateTrigger.class::isInstance)
                .map(CreateTrigger.class::cast).findFirst().orElseThrow();
        assertThat(trg.events()).containsExactly("UPDATE", "DELETE");
        assertThat(trg.function().dotted()).isEqualTo("log_dml_operations");
        assertThat(r.statements()).filteredOn(s -> s.chunk().clientCommand())
                .extracting(s -> s.chunk().text()).contains("\\i load_department.sql");
    }
}
