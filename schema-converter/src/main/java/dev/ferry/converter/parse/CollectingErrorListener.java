package dev.ferry.converter.parse;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;

/**
 * Collects ANTLR syntax errors as {@link ParsingException}s with positions relative to the whole file.
 * Not thread-safe; one instance per parse.
 */
public final class CollectingErrorListener extends BaseErrorListener {

    private final SourceMapper mapper;
    private final String fileName;
    private final List<ParsingException> errors = new ArrayList<>();

    public CollectingErrorListener(SourceMapper mapper, String fileName) {
        this.mapper = mapper;
        this.fileName = fileName;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                            String msg, RecognitionException e) {
        errors.add(new ParsingException(abbreviate(msg), fileName, mapper.fileLine(line),
                mapper.fileColumn(line, charPositionInLine)));
    }

    /**
     * Shortens ANTLR's expected-token sets where anything from a long list of keywords may follow (an expression or a
     * name): {@code expecting {'(', '+', IDENTIFIER, ... 214 keywords}} keeps the non-keyword tokens and counts the
     * keywords. Sets of at most {@value #MAX_LISTED} entries are left as ANTLR wrote them.
     */
    static String abbreviate(String msg) {
        int open = msg.indexOf("expecting {");
        if (open < 0 || !msg.endsWith("}")) {
            return msg;
        }
        String body = msg.substring(open + "expecting {".length(), msg.length() - 1);
        String[] items = body.split(", ");
        if (items.length <= MAX_LISTED) {
            return msg;
        }
        List<String> kept = new ArrayList<>();
        int keywords = 0;
        for (String item : items) {
            if (item.matches("'[A-Za-z_]+'")) {
                keywords++;
            } else {
                kept.add(item);
            }
        }
        return msg.substring(0, open) + "expecting {" + String.join(", ", kept)
                + (keywords == 0 ? "" : (kept.isEmpty() ? "" : ", ") + "or one of " + keywords + " keywords") + "}";
    }

    private static final int MAX_LISTED = 30;

    public List<ParsingException> errors() {
        return List.copyOf(errors);
    }
}
