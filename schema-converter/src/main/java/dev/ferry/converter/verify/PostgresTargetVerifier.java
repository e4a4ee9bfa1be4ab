package dev.ferry.converter.verify;

import dev.ferry.converter.assess.ConversionResult;
import dev.ferry.converter.direction.TargetVerifier;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.util.Redaction;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The honesty rule for PostgreSQL targets: {@link #reparse} re-parses every converted object with Ferry's PostgreSQL
 * grammar ({@link ReparseVerifier}); {@link #deploy} also deploys each object, in deploy order and in its own
 * savepoint, into the given connection and rolls everything back ({@link ScratchDeployVerifier}). Only objects that
 * pass both can become AUTO.
 *
 * <p>Threading: stateless; {@link #deploy} uses the caller's connection from the calling thread only.
 */
public final class PostgresTargetVerifier implements TargetVerifier {

    @Override
    public Engine target() {
        return Engine.POSTGRESQL;
    }

    @Override
    public ConversionResult reparse(ConversionResult converted) {
        return ReparseVerifier.verify(converted);
    }

    /**
     * @throws IllegalStateException when the connection fails as a whole (not when single objects fail: those become
     *                               MANUAL with the server's message); the message is redacted
     */
    @Override
    public ConversionResult deploy(Connection scratch, ConversionResult converted) {
        try {
            return new ScratchDeployVerifier(scratch).verify(converted).result();
        } catch (SQLException e) {
            throw new IllegalStateException("Verifying against the PostgreSQL connection failed: "
                    + Redaction.redact(e.getMessage()), e);
        }
    }
}
