package dev.ferry.converter.verify;

import dev.ferry.converter.assess.ConversionResult;
import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.parse.ParsingException;
import dev.ferry.converter.parse.postgres.PostgresVerifier;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The first half of the honesty rule: a converted object can only be AUTO when its PostgreSQL text re-parses with
 * Ferry's own PostgreSQL grammar. Used alone for offline assessments, and by {@link ScratchDeployVerifier} before it
 * deploys.
 *
 * <p>Stateless and thread-safe.
 */
public final class ReparseVerifier {

    private ReparseVerifier() {
    }

    /** Re-parse errors per object key ({@code ConvertedObject.key()}); objects that re-parse are absent. */
    public static Map<String, String> errors(ConversionResult conversion) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConvertedObject o : conversion.objects()) {
            if (!o.converted()) {
                continue;
            }
            String file = o.type().toLowerCase(java.util.Locale.ROOT) + " " + o.name();
            List<ParsingException> problems = PostgresVerifier.verify(o.convertedSql(), file);
            if (!problems.isEmpty()) {
                errors.put(o.key(), "the converted SQL does not re-parse with Ferry's PostgreSQL grammar: " + problems.get(0).getMessage());
            }
        }
        return errors;
    }

    /** Marks every converted object verified when it re-parses, and MANUAL with the parse error when it does not. */
    public static ConversionResult verify(ConversionResult conversion) {
        Map<String, String> errors = errors(conversion);
        return conversion.map(o -> o.converted() ? o.withVerification(!errors.containsKey(o.key()), errors.get(o.key())) : o);
    }
}
