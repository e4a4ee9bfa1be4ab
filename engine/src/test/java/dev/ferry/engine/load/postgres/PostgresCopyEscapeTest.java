package dev.ferry.engine.load.postgres;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** COPY text-format escaping: backslash, tab, newline and carriage return, anywhere in the value; the rest verbatim. */
class PostgresCopyEscapeTest {

    private static String escaped(String s) {
        StringBuilder sb = new StringBuilder("|");
        PostgresCopyWriter.escape(sb, s);
        return sb.toString();
    }

    @Test
    void specialCharactersAreEscapedAndTheRestCopiedVerbatim() {
        assertThat(escaped("plain text 🚲 é")).isEqualTo("|plain text 🚲 é");
        assertThat(escaped("")).isEqualTo("|");
        assertThat(escaped("\\")).isEqualTo("|\\\\");
        assertThat(escaped("a\tb\nc\rd\\e")).isEqualTo("|a\\tb\\nc\\rd\\\\e");
        assertThat(escaped("\ttrailing\n")).isEqualTo("|\\ttrailing\\n");
        assertThat(escaped("]^_`{|}~ [ZY")).as("characters next to the backslash code point").isEqualTo("|]^_`{|}~ [ZY");
    }
}
