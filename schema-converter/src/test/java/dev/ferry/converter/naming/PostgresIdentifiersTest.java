package dev.ferry.converter.naming;

import dev.ferry.converter.assess.ActionItem;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresIdentifiersTest {

    @Test
    void foldingAndQuoting() {
        assertThat(PostgresIdentifiers.sql("EMPLOYEES")).isEqualTo("employees");
        assertThat(PostgresIdentifiers.sql("MixedCase")).isEqualTo("\"MixedCase\"");
        assertThat(PostgresIdentifiers.sql("USER")).isEqualTo("\"user\"");
        assertThat(PostgresIdentifiers.sql("ORDER")).isEqualTo("\"order\"");
        assertThat(PostgresIdentifiers.sql("A$B")).isEqualTo("\"a$b\"");
        assertThat(PostgresIdentifiers.sql("we\"ird")).isEqualTo("\"we\"\"ird\"");
    }

    @Test
    void longNamesAreTruncatedDeterministically() {
        String longName = "A".repeat(80);
        String a = PostgresIdentifiers.fold(longName);
        assertThat(a.getBytes(StandardCharsets.UTF_8)).hasSize(63);
        assertThat(PostgresIdentifiers.fold(longName)).isEqualTo(a);
        assertThat(PostgresIdentifiers.fold("A".repeat(79) + "B")).isNotEqualTo(a);
        List<ActionItem> items = new ArrayList<>();
        new PostgresIdentifiers().claim("t", longName, items::add);
        assertThat(items).anyMatch(i -> i.code().equals("ORA-PG-0301"));
    }

    @Test
    void collisionsAfterFoldingAreReported() {
        PostgresIdentifiers ids = new PostgresIdentifiers();
        List<ActionItem> items = new ArrayList<>();
        ids.claim("relations:s", "ORDERS", items::add);
        ids.claim("relations:s", "orders", items::add);
        assertThat(items).anyMatch(i -> i.code().equals("ORA-PG-0302"));
        assertThat(PostgresIdentifiers.collisions(List.of("ORDERS", "orders", "X"))).hasSize(1);
    }
}
