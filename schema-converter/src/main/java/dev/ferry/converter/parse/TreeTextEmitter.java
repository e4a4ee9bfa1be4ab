package dev.ferry.converter.parse;

import dev.ferry.converter.assess.ActionItem;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Re-emits a parse tree as text in another dialect: every node is written as its children with the original
 * whitespace and comments between them, unless {@link #rewrite} returns replacement text for it. Subclasses override
 * {@link #rewrite} for the constructs the target spells differently and call {@link #untranslated} for the ones it
 * cannot express, so nothing is dropped silently.
 *
 * <p>Threading: not thread-safe; one instance per translation.
 */
public abstract class TreeTextEmitter {

    protected final List<ActionItem> items = new ArrayList<>();
    protected final Set<String> tables = new LinkedHashSet<>();
    private boolean translated = true;

    /** Replacement text for {@code node}, or {@code null} to emit its children. */
    protected abstract String rewrite(ParseTree node);

    /** Text of one token outside any rewritten node. */
    protected String terminal(Token token) {
        return token.getText();
    }

    /** Records that a construct has no translation (the result is then marked untranslated). */
    protected void untranslated(ActionItem why) {
        translated = false;
        items.add(why);
    }

    protected void item(ActionItem item) {
        items.add(item);
    }

    /** The translation of {@code tree} as a whole. */
    protected TargetSql run(ParseTree tree) {
        String sql = emit(tree).trim();
        return new TargetSql(sql, items, tables, translated);
    }

    /** The text of a subtree: its rewrite, else its children with the original gaps. */
    protected String emit(ParseTree node) {
        if (node == null) {
            return "";
        }
        String r = rewrite(node);
        if (r != null) {
            return r;
        }
        if (node instanceof TerminalNode tn) {
            return tn.getSymbol().getType() == Token.EOF ? "" : terminal(tn.getSymbol());
        }
        return children(node, 0, node.getChildCount());
    }

    /** Children {@code from} (inclusive) to {@code to} (exclusive) of {@code node} with the original gaps between them. */
    protected String children(ParseTree node, int from, int to) {
        StringBuilder sb = new StringBuilder();
        Token previous = null;
        for (int i = from; i < to; i++) {
            ParseTree child = node.getChild(i);
            Token start = start(child);
            if (start == null) {
                continue;
            }
            if (previous != null) {
                sb.append(gap(previous, start));
            }
            sb.append(emit(child));
            Token stop = stop(child);
            previous = stop == null ? start : stop;
        }
        return sb.toString();
    }

    /** The original text between two tokens (whitespace and comments), collapsed to one space when empty-ish. */
    protected static String gap(Token previous, Token next) {
        CharStream in = previous.getInputStream();
        int a = previous.getStopIndex() + 1;
        int b = next.getStartIndex() - 1;
        if (in == null || b < a) {
            return "";
        }
        return in.getText(Interval.of(a, b));
    }

    protected static Token start(ParseTree t) {
        if (t instanceof TerminalNode tn) {
            return tn.getSymbol().getType() == Token.EOF ? null : tn.getSymbol();
        }
        ParserRuleContext c = (ParserRuleContext) t;
        if (c.getStart() == null || c.getStop() != null && c.getStop().getTokenIndex() < c.getStart().getTokenIndex()) {
            return null;
        }
        return c.getStart().getType() == Token.EOF ? null : c.getStart();
    }

    protected static Token stop(ParseTree t) {
        if (t instanceof TerminalNode tn) {
            return tn.getSymbol();
        }
        Token s = ((ParserRuleContext) t).getStop();
        return s != null && s.getType() == Token.EOF ? null : s;
    }

    /** The original source text of a subtree. */
    protected static String original(ParseTree t) {
        Token a = start(t);
        Token b = stop(t);
        if (a == null) {
            return "";
        }
        if (b == null) {
            b = a;
        }
        return a.getInputStream().getText(Interval.of(a.getStartIndex(), b.getStopIndex()));
    }

    /** A MySQL string literal for a value: backslashes and quotes escaped. */
    public static String mysqlString(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
