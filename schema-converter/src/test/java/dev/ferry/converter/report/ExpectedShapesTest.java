package dev.ferry.converter.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.assess.DeployPhase;
import dev.ferry.converter.assess.ObjectStatus;
import dev.ferry.model.schema.Engine;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code expected} shapes {@code ferry deploy} compares existing tables and indexes with. */
class ExpectedShapesTest {

    private static ConvertedObject object(String type, String name, String sql) {
        return new ConvertedObject("hr", name, type, ObjectStatus.AUTO, true, "x.sql", 1, null, sql, DeployPhase.PRE_LOAD,
                List.of(), List.of());
    }

    @Test
    void aTableGivesColumnsTypesNullabilityAndPrimaryKey() {
        JsonNode e = ExpectedShapes.of(object("TABLE", "jobs", """
                CREATE TABLE hr.jobs (
                    job_id varchar(10),
                    "Title" varchar(35) NOT NULL,
                    created timestamp(3) with time zone,
                    n serial,
                    tags text[],
                    CONSTRAINT job_id_pk PRIMARY KEY (job_id)
                );"""), Engine.POSTGRESQL);

        assertThat(e.get("primaryKey").toString()).isEqualTo("[\"job_id\"]");
        assertThat(e.get("columns").toString()).isEqualTo("[{\"name\":\"job_id\",\"type\":\"varchar(10)\",\"nullable\":false},"
                + "{\"name\":\"Title\",\"type\":\"varchar(35)\",\"nullable\":false},"
                + "{\"name\":\"created\",\"type\":\"timestamp(3) with time zone\",\"nullable\":true},"
                + "{\"name\":\"n\",\"type\":\"serial\",\"nullable\":false},"
                + "{\"name\":\"tags\",\"type\":\"text[]\",\"nullable\":true}]");
    }

    @Test
    void anIndexGivesTableUniquenessAndKeysAndExpressionsGiveNothing() {
        JsonNode e = ExpectedShapes.of(object("INDEX", "emp_name_ix", "CREATE UNIQUE INDEX emp_name_ix ON hr.employees (last_name, First_Name);"),
                Engine.POSTGRESQL);
        assertThat(e.toString()).isEqualTo("{\"table\":\"employees\",\"unique\":true,\"keys\":[\"last_name\",\"first_name\"]}");
        assertThat(ExpectedShapes.of(object("INDEX", "x", "CREATE INDEX x ON hr.e (lower(email));"), Engine.POSTGRESQL)).isNull();
        assertThat(ExpectedShapes.of(object("VIEW", "v", "CREATE VIEW hr.v AS SELECT 1;"), Engine.POSTGRESQL)).isNull();
        assertThat(ExpectedShapes.of(object("TABLE", "t", "CREATE TABLE hr.t (a int);"), Engine.MYSQL)).isNull();
    }
}
