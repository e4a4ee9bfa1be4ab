package dev.ferry.converter.ast;

import java.util.List;

/**
 * CREATE [OR REPLACE] FUNCTION / PROCEDURE. The body stays opaque at this stage.
 *
 * @param returns  the RETURNS clause after the keyword, as written ({@code trigger}, {@code SETOF x},
 *                 {@code TABLE (a int)}), or {@code null}
 * @param language LANGUAGE name as written (quotes removed), or {@code null}
 * @param body     the body's content (dollar tags or quotes removed), or {@code null}
 * @param bodySpan the body literal including its delimiters, or {@code null}
 * @param options  other options as written ({@code IMMUTABLE}, {@code SECURITY DEFINER}, ...)
 */
public record CreateFunction(QualifiedName name, boolean orReplace, boolean procedure, List<Parameter> parameters,
                             String returns, String language, String body, SourceSpan bodySpan,
                             List<String> options, SourceSpan span) implements Statement {

    public CreateFunction {
        parameters = List.copyOf(parameters);
        options = List.copyOf(options);
    }

    /** A parameter; {@code mode} is IN/OUT/INOUT/VARIADIC or {@code null}, {@code name} may be {@code null}. */
    public record Parameter(String mode, Identifier name, TypeName type, Expr defaultValue, SourceSpan span)
            implements Node {
    }
}
