package dev.ferry.converter.parse.postgres;

import dev.ferry.grammar.postgres.PostgresLexer;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The names a PostgreSQL text mentions, from our PostgreSQL lexer's tokens (for dependency ordering): unquoted names
 * folded to lower case, quoted names exact; dollar-quoted bodies are lexed too.
 *
 * <p>Threading: stateless.
 */
public final class PostgresNames {

    private PostgresNames() {
    }

    public static Set<String> identifiers(String sql) {
        Set<String> out = new LinkedHashSet<>();
        if (sql != null) {
            collect(sql, out, 0);
        }
        return out;
    }

    private static void collect(String sql, Set<String> out, int depth) {
        PostgresLexer lexer = new PostgresLexer(CharStreams.fromString(sql));
        lexer.removeErrorListeners();
        for (Token t : lexer.getAllTokens()) {
            if (t.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            String text = t.getText();
            if (t.getType() == PostgresLexer.QUOTED_IDENTIFIER && text.startsWith("\"")) {
                out.add(text.substring(1, text.length() - 1).replace("\"\"", "\""));
            } else if (t.getType() == PostgresLexer.DOLLAR_STRING && depth == 0) {
                String tag = text.substring(0, text.indexOf('$', 1) + 1);
                if (text.length() >= 2 * tag.length() && text.endsWith(tag)) {
                    collect(text.substring(tag.length(), text.length() - tag.length()), out, 1);
                }
            } else if (!text.isEmpty() && (Character.isLetter(text.charAt(0)) || text.charAt(0) == '_')) {
                out.add(text.toLowerCase(Locale.ROOT));
            }
        }
    }
}
