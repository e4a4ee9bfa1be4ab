package dev.ferry.converter.ast;

/** Any node of Ferry's parsed-SQL tree: immutable, dialect-neutral where possible, and always traceable to its source. */
public interface Node {

    /** Position and original text of this node. */
    SourceSpan span();

    /** The original text of this node, exactly as written in the source. */
    default String text() {
        return span().text();
    }
}
