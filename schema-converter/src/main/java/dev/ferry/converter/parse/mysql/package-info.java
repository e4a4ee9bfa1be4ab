/**
 * MySQL / MariaDB script parsing with Ferry's own grammar ({@code dev.ferry.grammar.mysql.MySqlLexer} /
 * {@code MySqlParser}).
 *
 * <ul>
 *   <li>{@link dev.ferry.converter.parse.mysql.MySqlScript} splits a script like the {@code mysql} client
 *       (DELIMITER, quotes, comments, versioned comments as code, client commands such as {@code source}).</li>
 *   <li>{@link dev.ferry.converter.parse.mysql.MySqlParserFacade} parses each statement (SLL + bail first, full LL
 *       with error reporting only on failure) and returns
 *       {@link dev.ferry.converter.parse.mysql.MySqlParsedStatement}s: kind, object name as written, span in the
 *       file, an opaque {@link dev.ferry.converter.parse.mysql.MySqlStatementHandle} to the tree, or a
 *       {@link dev.ferry.converter.parse.mysql.MySqlParsingException} ({@code file:line:column: message}).</li>
 *   <li>MySQL / MariaDB → PostgreSQL conversion: {@link dev.ferry.converter.parse.mysql.MySqlScriptSchemaBuilder}
 *       (parsed DDL → neutral model), {@link dev.ferry.converter.parse.mysql.MySqlToPostgresConverter} (model →
 *       {@code ConversionResult}, one object per table/index/constraint/view/routine/trigger),
 *       {@link dev.ferry.converter.parse.mysql.MySqlToPostgresSql} (tree-walking translator for expressions, queries
 *       and INSERTs) and {@link dev.ferry.converter.parse.mysql.MySqlRoutineTranslator} (functions and triggers →
 *       PL/pgSQL). Types go through {@link dev.ferry.converter.types.MySqlToPostgresTypes}; action items use the
 *       {@code MY-PG-01xx} codes of {@link dev.ferry.converter.assess.ActionCode}.</li>
 * </ul>
 *
 * <p>Generated ANTLR types never appear in public signatures; code that walks the trees (AST builders) lives in
 * this package and opens handles through the package-private {@code MySqlStatementHandle.tree()}.
 *
 * <p>Known limits: sql_mode {@code NO_BACKSLASH_ESCAPES} is not supported (backslash always escapes in strings);
 * {@code ANSI_QUOTES} must be chosen up front ({@code new MySqlParserFacade(true)}), a {@code SET sql_mode} inside
 * the script does not switch it; unknown type names are accepted as {@code otherType} for the converter to judge;
 * administrative statements (SHOW, GRANT, FLUSH, LOAD DATA, CREATE USER ...) are recognised but not structured
 * ({@link dev.ferry.converter.parse.mysql.MySqlStatementKind#OTHER}).
 */
package dev.ferry.converter.parse.mysql;
