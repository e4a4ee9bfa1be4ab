/**
 * Oracle script parsing: {@link dev.ferry.converter.parse.oracle.SqlPlusScript} turns a SQL*Plus script into
 * statements (terminators, DEFINE/ACCEPT substitution, {@code @}/{@code @@} includes, skipped SQL*Plus commands, exact
 * original positions); {@link dev.ferry.converter.parse.oracle.OracleParserFacade} parses each statement with Ferry's
 * own Oracle grammar ({@code dev.ferry.grammar.oracle}) and reports syntax errors as
 * {@code file:line:column: message}. ANTLR types never appear in public signatures; the parse tree of a statement is
 * reachable only through {@link dev.ferry.converter.parse.oracle.OracleParseHandle} inside this package.
 *
 * <p>Oracle → PostgreSQL conversion entry points that need the parse tree live here too:
 * {@link dev.ferry.converter.parse.oracle.OracleToPostgresConverter} (script → {@code ConversionResult}),
 * {@link dev.ferry.converter.parse.oracle.OracleToPostgresSql} (expression/query/DML translator that re-emits the
 * parse tree; {@code anonymousBlock} turns a PL/SQL block into {@code DO $$ ... $$}),
 * {@link dev.ferry.converter.parse.oracle.OracleSequenceTriggers} (sequence + trigger pattern),
 * {@code OraclePlsqlUnits} (procedures, functions, triggers and packages → PL/pgSQL objects) and
 * {@code OracleToPlpgsql} (the PL/SQL statement/declaration translator behind it).
 */
package dev.ferry.converter.parse.oracle;
