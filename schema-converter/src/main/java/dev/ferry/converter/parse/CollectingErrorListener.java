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
        errors.add(new ParsingException(msg, fileName, mapper.fileLine(line),
                mapper.fileColumn(line, charPositionInLine)));
    }

    public List<ParsingException> errors() {
        return List.copyOf(errors);
    }
}
