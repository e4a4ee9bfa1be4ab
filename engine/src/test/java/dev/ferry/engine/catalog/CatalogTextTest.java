package dev.ferry.engine.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogTextTest {

    @Test
    void splitsOnTopLevelCommasOnly() {
        assertThat(CatalogText.splitTopLevel("a, f(b, c), 'x,y', \"p,q\", `r,s`"))
                .containsExactly("a", "f(b, c)", "'x,y'", "\"p,q\"", "`r,s`");
        assertThat(CatalogText.splitTopLevel(null)).isEmpty();
        assertThat(CatalogText.splitTopLevel("'it''s, ok', 2")).containsExactly("'it''s, ok'", "2");
    }

    @Test
    void parensAndQuotes() {
        assertThat(CatalogText.stripOuterParens("((a > 0))")).isEqualTo("a > 0");
        assertThat(CatalogText.stripOuterParens("(a) and (b)")).isEqualTo("(a) and (b)");
        assertThat(CatalogText.matchParen("f(a, ')', (b))x", 1)).isEqualTo(13);
        assertThat(CatalogText.unquoteLiteral("'it''s'")).isEqualTo("it's");
        assertThat(CatalogText.unquoteLiteral("'a\\\\b'")).isEqualTo("a\\b");
        assertThat(CatalogText.unquoteLiteral("12")).isEqualTo("12");
        assertThat(CatalogText.quoteLiteral("it's")).isEqualTo("'it''s'");
        assertThat(CatalogText.unquoteIdentifier("\"a\"\"b\"")).isEqualTo("a\"b");
        assertThat(CatalogText.unquoteIdentifier("[x y]")).isEqualTo("x y");
        assertThat(CatalogText.unquoteIdentifier("`t`")).isEqualTo("t");
        assertThat(CatalogText.typeArguments("numeric(10, 2)")).containsExactly(10, 2);
        assertThat(CatalogText.typeArguments("enum('a')")).isEmpty();
        assertThat(CatalogText.typeArguments("text")).isEmpty();
    }
}
