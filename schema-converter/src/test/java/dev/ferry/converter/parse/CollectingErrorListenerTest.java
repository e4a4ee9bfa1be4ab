package dev.ferry.converter.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CollectingErrorListenerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        missing 'NULL' at ')'                                  | missing 'NULL' at ')'
        mismatched input 'x' expecting {'+', '-', IDENTIFIER}  | mismatched input 'x' expecting {'+', '-', IDENTIFIER}
        no viable alternative at input 'CREATE TABEL'          | no viable alternative at input 'CREATE TABEL'
        """)
    void shortMessagesStayAsAntlrWroteThem(String in, String out) {
        assertThat(CollectingErrorListener.abbreviate(in)).isEqualTo(out);
    }

    @org.junit.jupiter.api.Test
    void longKeywordListsAreCounted() {
        String keywords = IntStream.range(0, 40).mapToObj(i -> "'KW_" + (char) ('A' + i % 26) + (char) ('A' + i / 26)
                + "'").collect(Collectors.joining(", "));
        String msg = "mismatched input ')' expecting {'(', " + keywords + ", IDENTIFIER}";
        assertThat(CollectingErrorListener.abbreviate(msg))
                .isEqualTo("mismatched input ')' expecting {'(', IDENTIFIER, or one of 40 keywords}");
    }
}
