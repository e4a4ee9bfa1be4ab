package dev.ferry.converter.naming;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MySqlIdentifiersTest {

    @Test
    void quotesOnlyWhatIsNotVerifiedSafe() {
        assertThat(MySqlIdentifiers.quote("actor")).isEqualTo("actor");
        assertThat(MySqlIdentifiers.quote("Album")).isEqualTo("`Album`");
        assertThat(MySqlIdentifiers.quote("order")).isEqualTo("`order`");
        assertThat(MySqlIdentifiers.quote("1st")).isEqualTo("`1st`");
        assertThat(MySqlIdentifiers.quote("a`b")).isEqualTo("`a``b`");
        assertThat(MySqlIdentifiers.quote("first name")).isEqualTo("`first name`");
    }

    @Test
    void truncatesLongNamesDeterministically() {
        String a = "x".repeat(60) + "_alpha_column";
        String b = "x".repeat(60) + "_beta_column";
        assertThat(MySqlIdentifiers.truncate(a)).hasSize(64).isEqualTo(MySqlIdentifiers.truncate(a));
        assertThat(MySqlIdentifiers.truncate(a)).isNotEqualTo(MySqlIdentifiers.truncate(b));
        assertThat(MySqlIdentifiers.truncate("short")).isEqualTo("short");
    }

    @Test
    void claimRenamesCollisionsCaseInsensitivelyAndSaysSo() {
        MySqlIdentifiers ids = new MySqlIdentifiers();
        List<String> messages = new ArrayList<>();
        assertThat(ids.claim("relations", "Orders", messages::add)).isEqualTo("Orders");
        assertThat(ids.claim("relations", "orders", messages::add)).isEqualTo("orders_2");
        assertThat(ids.claim("columns:t", "orders", messages::add)).isEqualTo("orders");
        assertThat(messages).singleElement().asString().contains("collides").contains("orders_2");
        String longName = "n".repeat(70);
        assertThat(ids.claim("relations", longName, messages::add)).hasSize(64);
        assertThat(messages).anyMatch(m -> m.contains("longer than 64"));
    }
}
