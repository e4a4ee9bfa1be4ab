package dev.ferry.converter.direction;

import dev.ferry.converter.assess.ConversionResult;
import dev.ferry.model.schema.Engine;

import java.sql.Connection;

/**
 * The honesty rule for one target engine: nothing is AUTO unless verified. {@link #reparse} re-parses every converted
 * object with our grammar of the target; {@link #deploy} also deploys each object into a scratch database of the
 * target (one savepoint or throw-away schema per object, everything rolled back or dropped afterwards).
 *
 * <p>Threading: not thread-safe; one call at a time per connection.
 */
public interface TargetVerifier {

    Engine target();

    ConversionResult reparse(ConversionResult converted);

    ConversionResult deploy(Connection scratch, ConversionResult converted);
}
