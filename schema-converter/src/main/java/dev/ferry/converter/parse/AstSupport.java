package dev.ferry.converter.parse;

import dev.ferry.converter.ast.Identifier;
import dev.ferry.converter.ast.QualifiedName;
import dev.ferry.converter.ast.SourceSpan;
import java.util.List;
import java.util.Locale;
import org.antlr.v4.runtime.ParserRuleContext;

/** Small helpers shared by the dialects' AST builders. Stateless. */
public final class AstSupport {

    private AstSupport() {
    }

    /** An identifier from a rule context that matches exactly one (possibly quoted) name token. */
    public static Identifier identifier(ParserRuleContext ctx, SourceMapper mapper) {
        SourceSpan span = mapper.span(ctx);
        return Identifier.fromToken(span.text(), span);
    }

    /** A qualified name from its parts. */
    public static QualifiedName qualifiedName(List<? extends ParserRuleContext> parts, ParserRuleContext whole,
                                              SourceMapper mapper) {
        return new QualifiedName(parts.stream().map(p -> identifier(p, mapper)).toList(), mapper.span(whole));
    }

    /** The content of a {@code '...'} literal with doubled quotes undone; a leading N/E/U&amp;/X/B prefix is removed. */
    public static String unquoteString(String raw) {
        String s = raw;
        int quote = s.indexOf('\'');
        boolean escapes = quote == 1 && (s.charAt(0) == 'E' || s.charAt(0) == 'e');
        s = s.substring(quote + 1, s.length() - 1);
        if (escapes) {
            return unescapeBackslashes(s);
        }
        return s.replace("''", "'");
    }

    private static String unescapeBackslashes(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' && i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                b.append('\'');
                i++;
            } else if (c == '\\' && i + 1 < s.length()) {
                char e = s.charAt(++i);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    default -> b.append(e);
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** The body of a dollar-quoted string ({@code $tag$body$tag$}). */
    public static String undollar(String raw) {
        int tagEnd = raw.indexOf('$', 1);
        String tag = raw.substring(0, tagEnd + 1);
        if (raw.length() >= 2 * tag.length() && raw.endsWith(tag)) {
            return raw.substring(tag.length(), raw.length() - tag.length());
        }
        return raw.substring(tag.length());
    }

    /** Upper-cased, single-spaced text of some keywords ({@code "no   action"} becomes {@code "NO ACTION"}). */
    public static String keywords(String text) {
        return text.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }

    /** A type name's words: lower-cased when unquoted, single-spaced. */
    public static String typeWords(List<String> words) {
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(w.startsWith("\"") ? w : w.toLowerCase(Locale.ROOT));
        }
        return b.toString();
    }
}
