package dev.ferry.converter.parse;

import dev.ferry.converter.ast.ColumnRef;
import dev.ferry.converter.ast.Identifier;
import dev.ferry.converter.ast.Literal;
import dev.ferry.converter.ast.QualifiedName;
import dev.ferry.converter.ast.RawExpr;
import dev.ferry.converter.ast.SourceSpan;
import dev.ferry.converter.ast.TypeName;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A compact, position-free rendering of AST values for test expectations: record components that are null, primitive false,
 * empty or the node's own span are left out; other spans print as {@code <text>}; names print as written ({@code "Q"} when quoted), literals as {@code KIND:value},
 * raw expressions as {@code raw<text>}. Two ASTs with equal digests are structurally equal apart from positions.
 */
public final class AstDigest {

    private AstDigest() {
    }

    public static String of(Object node) {
        if (node == null) {
            return "null";
        }
        if (node instanceof Identifier id) {
            return id.quoted() ? "\"" + id.value() + "\"" : id.value();
        }
        if (node instanceof QualifiedName q) {
            return q.parts().stream().map(AstDigest::of).collect(Collectors.joining("."));
        }
        if (node instanceof TypeName t) {
            return t.name() + (t.modifiers().isEmpty() ? "" : "(" + String.join(",", t.modifiers()) + ")")
                    + "[]".repeat(t.arrayDimensions());
        }
        if (node instanceof Literal l) {
            return l.kind() + ":" + l.value();
        }
        if (node instanceof ColumnRef c) {
            return "col<" + of(c.name()) + ">";
        }
        if (node instanceof RawExpr r) {
            return "raw<" + r.text() + ">";
        }
        if (node instanceof List<?> list) {
            return list.stream().map(AstDigest::of).collect(Collectors.joining(", ", "[", "]"));
        }
        if (node instanceof Record r) {
            List<String> parts = new ArrayList<>();
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                Object v;
                try {
                    v = c.getAccessor().invoke(r);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                boolean primitiveFalse = c.getType() == boolean.class && Boolean.FALSE.equals(v);
                if (v == null || primitiveFalse || c.getName().equals("span")
                        || (v instanceof List<?> l && l.isEmpty())) {
                    continue;
                }
                if (v instanceof SourceSpan s) {
                    parts.add(c.getName() + "=<" + s.text() + ">");
                    continue;
                }
                parts.add(c.getName() + (c.getType() == boolean.class ? "" : "=" + of(v)));
            }
            return r.getClass().getSimpleName() + "{" + String.join(" ", parts) + "}";
        }
        return String.valueOf(node);
    }
}
