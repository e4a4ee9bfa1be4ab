package dev.ferry.converter.parse.postgres;

import dev.ferry.converter.naming.PostgresIdentifiers;
import dev.ferry.grammar.postgres.PostgresLexer;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

import java.util.List;
import java.util.Locale;

/**
 * Renames a schema inside PostgreSQL text on the token stream of our PostgreSQL lexer (never by regex over the text):
 * a name token equal to the source schema and followed by {@code .} becomes the target schema, and a string literal
 * that starts with {@code schema.} (as in {@code nextval('hr.seq'::regclass)}) gets the new prefix. Dollar-quoted
 * bodies (routine bodies) are renamed the same way on their own tokens; {@link #bodyNamesSchema} tells whether one of
 * them names the schema, since names built at run time (dynamic SQL) cannot be renamed.
 *
 * <p>Threading: stateless.
 */
public final class PostgresSchemaRenamer {

    private PostgresSchemaRenamer() {
    }

    /** {@code sql} with the schema {@code from} (catalog spelling) renamed to {@code to}; unchanged when equal. */
    public static String rename(String sql, String from, String to) {
        if (sql == null || from.equals(to)) {
            return sql;
        }
        List<? extends Token> tokens = lex(sql);
        StringBuilder sb = new StringBuilder(sql.length());
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.getType() == Token.EOF) {
                break;
            }
            String text = t.getText();
            if (t.getChannel() == Token.DEFAULT_CHANNEL && names(text, from) && nextIsDot(tokens, i)) {
                sb.append(PostgresIdentifiers.quote(to));
            } else if (t.getType() == PostgresLexer.DOLLAR_STRING) {
                // a routine body (SQL or PL/pgSQL): its qualifiers are renamed on its own tokens, the tags kept
                String tag = text.substring(0, text.indexOf('$', 1) + 1);
                if (text.length() >= 2 * tag.length() && text.endsWith(tag)) {
                    sb.append(tag).append(rename(text.substring(tag.length(), text.length() - tag.length()), from, to)).append(tag);
                } else {
                    sb.append(text);
                }
            } else if (t.getType() == PostgresLexer.STRING && text.length() > 2) {
                String content = text.substring(1, text.length() - 1);
                String prefix = PostgresIdentifiers.quote(from).replace("'", "''") + ".";
                sb.append(content.startsWith(prefix) ? "'" + PostgresIdentifiers.quote(to).replace("'", "''") + "."
                        + content.substring(prefix.length()) + "'" : text);
            } else {
                sb.append(text);
            }
        }
        return sb.toString();
    }

    /** Whether a dollar-quoted body of {@code sql} names {@code schema} as a qualifier. */
    public static boolean bodyNamesSchema(String sql, String schema) {
        if (sql == null) {
            return false;
        }
        for (Token t : lex(sql)) {
            if (t.getType() == PostgresLexer.DOLLAR_STRING) {
                String body = t.getText();
                List<? extends Token> inner = lex(body.substring(body.indexOf('$', 1) + 1));
                for (int i = 0; i < inner.size(); i++) {
                    if (inner.get(i).getChannel() == Token.DEFAULT_CHANNEL && names(inner.get(i).getText(), schema)
                            && nextIsDot(inner, i)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean names(String tokenText, String schema) {
        if (tokenText.startsWith("\"")) {
            return tokenText.substring(1, tokenText.length() - 1).replace("\"\"", "\"").equals(schema);
        }
        return tokenText.toLowerCase(Locale.ROOT).equals(schema);
    }

    private static boolean nextIsDot(List<? extends Token> tokens, int i) {
        for (int k = i + 1; k < tokens.size(); k++) {
            Token n = tokens.get(k);
            if (n.getChannel() == Token.DEFAULT_CHANNEL) {
                return n.getType() == PostgresLexer.DOT;
            }
        }
        return false;
    }

    private static List<? extends Token> lex(String sql) {
        PostgresLexer lexer = new PostgresLexer(CharStreams.fromString(sql));
        lexer.removeErrorListeners();
        return lexer.getAllTokens();
    }
}
