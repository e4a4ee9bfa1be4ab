package dev.ferry.converter.parse;

import java.util.List;

/**
 * Cuts a script into statements so that each can be parsed (and fail) on its own. Implementations respect the
 * dialect's quoting, comments and block constructs, and never throw on malformed input: an unterminated quote or
 * comment simply runs to the end of the script and the grammar reports it.
 */
public interface StatementSplitter {

    /** The statements of {@code script}, in order; blank and comment-only stretches produce nothing. */
    List<StatementChunk> split(String script);
}
