/**
 * Ferry's dialect-neutral, immutable tree of parsed SQL. Every node is a record carrying a
 * {@link dev.ferry.converter.ast.SourceSpan} (line, column, file offsets and the original text). The same node types
 * are produced for SQLite, PostgreSQL and (later) MySQL and Oracle; what a dialect does not model is kept as source
 * text ({@link dev.ferry.converter.ast.RawExpr}, {@link dev.ferry.converter.ast.OtherStatement}, clause strings).
 * No ANTLR type ever appears here.
 */
package dev.ferry.converter.ast;
