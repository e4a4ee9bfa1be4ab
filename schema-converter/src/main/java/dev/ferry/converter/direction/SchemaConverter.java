package dev.ferry.converter.direction;

import dev.ferry.converter.assess.ConversionResult;
import dev.ferry.model.schema.Engine;

/**
 * One conversion direction: a source {@link dev.ferry.model.schema.Schema} of the neutral model, read from a live
 * catalog or built from parsed scripts, converted to DDL for the target engine. Each object comes back unverified
 * ({@code MANUAL} until a verifier of the target says otherwise; see {@link TargetVerifier}).
 *
 * <p>Implementations live in their own package per direction family and are registered in {@link Directions}.
 *
 * <p>Threading: an instance may be shared; {@link #convert} must not keep state between calls.
 */
public interface SchemaConverter {

    Engine source();

    Engine target();

    ConversionResult convert(ConversionRequest request);
}
