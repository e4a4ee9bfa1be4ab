package dev.ferry.converter.parse.postgres;

import dev.ferry.converter.parse.ParsingException;
import java.util.List;

/**
 * Checks SQL that Ferry generated (or was given) against Ferry's PostgreSQL grammar, statement by statement, so a
 * conversion assessment never claims valid output it cannot parse. Stateless and thread-safe.
 */
public final class PostgresVerifier {

    private PostgresVerifier() {
    }

    /**
     * The syntax errors of {@code sql}: one per failing statement, in order, positions relative to the whole text
     * and named after {@code fileName}; empty when every statement parses.
     */
    public static List<ParsingException> verify(String sql, String fileName) {
        return PostgresParserFacade.INSTANCE.verify(sql, fileName);
    }
}
