/*
 * Ferry SQLite parser: one statement at a time (the statement splitter in schema-converter cuts scripts).
 * Written for Ferry from the SQLite syntax diagrams.
 */
parser grammar SqliteParser;

options { tokenVocab = SqliteLexer; }

// package dev.ferry.grammar.sqlite: added by antlr4-maven-plugin from the folder (an explicit @header would duplicate it)

singleStatement: statement SEMI* EOF;

/* A script parser, used for ad-hoc checks; Ferry itself splits first and parses statement by statement. */
script: SEMI* (statement (SEMI+ statement)*)? SEMI* EOF;

statement
    : createTable
    | createIndex
    | createView
    | createTrigger
    | createVirtualTable
    | drop
    | insert
    | update
    | delete
    | selectStatement
    | alterTable
    | pragma
    | transaction
    | otherStatement
    ;

/* ------------------------------------------------------------------ CREATE TABLE */
createTable
    : CREATE (TEMP | TEMPORARY)? TABLE (IF NOT EXISTS)? objectName
      ( LPAREN columnDef (COMMA columnDef)* (COMMA tableConstraint)* RPAREN tableOptions?
      | AS selectStatement
      )
    ;

tableOptions: tableOption (COMMA tableOption)*;
tableOption: WITHOUT ROWID | STRICT;

columnDef: columnName typeName? columnConstraint*;

/* SQLite still reads a single-quoted string as a name where only a name can stand (legacy). */
columnName: identifier | STRING_LITERAL;

typeName: typeWord+ (LPAREN signedNumber (COMMA signedNumber)? RPAREN)?;
typeWord: IDENTIFIER;

columnConstraint: (CONSTRAINT name=identifier)? columnConstraintBody;

columnConstraintBody
    : PRIMARY KEY (ASC | DESC)? conflictClause? AUTOINCREMENT?             #columnPrimaryKey
    | NOT NULL conflictClause?                                              #columnNotNull
    | NULL conflictClause?                                                  #columnNull
    | UNIQUE conflictClause?                                                #columnUnique
    | CHECK LPAREN expr RPAREN                                              #columnCheck
    | DEFAULT defaultValue                                                  #columnDefault
    | COLLATE identifier                                                    #columnCollate
    | foreignKeyClause                                                      #columnReferences
    | (GENERATED ALWAYS)? AS LPAREN expr RPAREN (STORED | VIRTUAL)?         #columnGenerated
    ;

defaultValue
    : signedNumber
    | literal
    | LPAREN expr RPAREN
    | identifier
    ;

conflictClause: ON CONFLICT conflictAction;
conflictAction: ROLLBACK | ABORT | FAIL | IGNORE | REPLACE;

tableConstraint: (CONSTRAINT name=identifier)? tableConstraintBody;

tableConstraintBody
    : PRIMARY KEY LPAREN indexedColumn (COMMA indexedColumn)* AUTOINCREMENT? RPAREN conflictClause?  #tablePrimaryKey
    | UNIQUE LPAREN indexedColumn (COMMA indexedColumn)* RPAREN conflictClause?                      #tableUnique
    | CHECK LPAREN expr RPAREN conflictClause?                                                       #tableCheck
    | FOREIGN KEY LPAREN identifier (COMMA identifier)* RPAREN foreignKeyClause                      #tableForeignKey
    ;

foreignKeyClause
    : REFERENCES qualifiedName (LPAREN refColumns+=identifier (COMMA refColumns+=identifier)* RPAREN)?
      (foreignKeyAction | MATCH matchType=identifier)*
      deferrable?
    ;

foreignKeyAction: ON (DELETE | UPDATE) referentialAction;

referentialAction: SET NULL | SET DEFAULT | CASCADE | RESTRICT | NO ACTION;

deferrable: NOT? DEFERRABLE (INITIALLY (DEFERRED | IMMEDIATE))?;

/* ------------------------------------------------------------------ CREATE INDEX / VIEW / TRIGGER */
createIndex
    : CREATE UNIQUE? INDEX (IF NOT EXISTS)? qualifiedName ON identifier
      LPAREN indexedColumn (COMMA indexedColumn)* RPAREN (WHERE where=expr)?
    ;

indexedColumn: expr (ASC | DESC)?;

createView
    : CREATE (TEMP | TEMPORARY)? VIEW (IF NOT EXISTS)? qualifiedName
      (LPAREN identifier (COMMA identifier)* RPAREN)? AS selectStatement
    ;

createTrigger
    : CREATE (TEMP | TEMPORARY)? TRIGGER (IF NOT EXISTS)? qualifiedName
      triggerTiming? triggerEvent ON qualifiedName
      (FOR EACH ROW)? (WHEN when=expr)?
      triggerBody
    ;

triggerTiming: BEFORE | AFTER | INSTEAD OF;

triggerEvent
    : DELETE
    | INSERT
    | UPDATE (OF identifier (COMMA identifier)*)?
    ;

triggerBody: BEGIN (triggerStatement SEMI+)+ END;

triggerStatement: update | insert | delete | selectStatement;

createVirtualTable
    : CREATE VIRTUAL TABLE (IF NOT EXISTS)? qualifiedName USING identifier
      (LPAREN (~RPAREN | LPAREN balanced* RPAREN)* RPAREN)?
    ;

balanced: ~(LPAREN | RPAREN) | LPAREN balanced* RPAREN;

/* ------------------------------------------------------------------ other DDL */
drop: DROP objectType=(TABLE | INDEX | VIEW | TRIGGER) (IF EXISTS)? objectName;

alterTable
    : ALTER TABLE qualifiedName
      ( RENAME TO identifier
      | RENAME COLUMN? identifier TO identifier
      | ADD COLUMN? columnDef
      | DROP COLUMN? identifier
      )
    ;

pragma: PRAGMA qualifiedName (ASSIGN pragmaValue | LPAREN pragmaValue RPAREN)?;

pragmaValue: signedNumber | identifier | STRING_LITERAL | ON | DELETE | DEFAULT;

transaction
    : BEGIN (DEFERRED | IMMEDIATE | EXCLUSIVE)? TRANSACTION? identifier?
    | (COMMIT | END) TRANSACTION?
    | ROLLBACK TRANSACTION? (TO SAVEPOINT? identifier)?
    | SAVEPOINT identifier
    | RELEASE SAVEPOINT? identifier
    ;

otherStatement
    : (VACUUM | ANALYZE | REINDEX | ATTACH | DETACH | EXPLAIN) (~SEMI)*
    ;

/* ------------------------------------------------------------------ DML */
insert
    : withClause? (INSERT (OR conflictAction)? | REPLACE) INTO objectName (AS identifier)?
      (LPAREN identifier (COMMA identifier)* RPAREN)?
      ( valuesClause upsertClause*
      | selectStatement upsertClause*
      | DEFAULT VALUES
      )
      returningClause?
    ;

valuesClause: VALUES valuesRow (COMMA valuesRow)*;
valuesRow: LPAREN expr (COMMA expr)* RPAREN;

upsertClause
    : ON CONFLICT (LPAREN indexedColumn (COMMA indexedColumn)* RPAREN (WHERE expr)?)?
      DO (NOTHING | UPDATE SET setItem (COMMA setItem)* (WHERE expr)?)
    ;

setItem: (identifier | LPAREN identifier (COMMA identifier)* RPAREN) ASSIGN expr;

update
    : withClause? UPDATE (OR conflictAction)? qualifiedName (AS identifier)?
      SET setItem (COMMA setItem)* (FROM fromClause)? (WHERE expr)? returningClause?
    ;

delete: withClause? DELETE FROM qualifiedName (AS identifier)? (WHERE expr)? returningClause?;

returningClause: RETURNING resultColumn (COMMA resultColumn)*;

/* ------------------------------------------------------------------ SELECT */
selectStatement
    : withClause? selectCore (compoundOperator selectCore)* orderByClause? limitClause?
    ;

withClause: WITH RECURSIVE? commonTableExpression (COMMA commonTableExpression)*;

commonTableExpression
    : identifier (LPAREN identifier (COMMA identifier)* RPAREN)? AS (NOT? MATERIALIZED)?
      LPAREN selectStatement RPAREN
    ;

compoundOperator: UNION ALL? | INTERSECT | EXCEPT;

selectCore
    : SELECT (DISTINCT | ALL)? resultColumn (COMMA resultColumn)*
      (FROM fromClause)?
      (WHERE where=expr)?
      (GROUP BY expr (COMMA expr)* (HAVING having=expr)?)?
      (WINDOW windowDefinition (COMMA windowDefinition)*)?
    | valuesClause
    ;

resultColumn
    : STAR
    | identifier DOT STAR
    | expr (AS? alias)?
    ;

alias: identifier | STRING_LITERAL;

fromClause: tableOrSubquery joinClause*;

joinClause: joinOperator tableOrSubquery joinConstraint? | COMMA tableOrSubquery;

joinOperator: NATURAL? ((LEFT | RIGHT | FULL) OUTER? | INNER | CROSS)? JOIN;

joinConstraint: ON expr | USING LPAREN identifier (COMMA identifier)* RPAREN;

tableOrSubquery
    : qualifiedName (AS? alias)? (INDEXED BY identifier | NOT INDEXED)?
    | qualifiedName LPAREN (expr (COMMA expr)*)? RPAREN (AS? alias)?
    | LPAREN selectStatement RPAREN (AS? alias)?
    | LPAREN fromClause RPAREN
    ;

orderByClause: ORDER BY orderingTerm (COMMA orderingTerm)*;

orderingTerm: expr (COLLATE identifier)? (ASC | DESC)? (NULLS (FIRST | LAST))?;

limitClause: LIMIT expr ((OFFSET | COMMA) expr)?;

windowDefinition: identifier AS LPAREN windowSpec RPAREN;

windowSpec
    : identifier? (PARTITION BY expr (COMMA expr)*)? orderByClause? frameSpec?
    ;

frameSpec
    : (RANGE | ROWS | GROUPS) (frameBound | BETWEEN frameBound AND frameBound)
      (EXCLUDE (NO OTHERS | CURRENT ROW | GROUP | TIES))?
    ;

frameBound: UNBOUNDED (PRECEDING | FOLLOWING) | CURRENT ROW | expr (PRECEDING | FOLLOWING);

/* ------------------------------------------------------------------ expressions (lowest precedence last) */
expr
    : literal                                                               #literalExpr
    | BIND_PARAMETER                                                        #parameterExpr
    | qualifiedName                                                         #columnExpr
    | LPAREN expr (COMMA expr)* RPAREN                                      #parenExpr
    | LPAREN selectStatement RPAREN                                         #subqueryExpr
    | NOT? EXISTS LPAREN selectStatement RPAREN                             #existsExpr
    | CAST LPAREN expr AS typeName RPAREN                                   #castExpr
    | CASE operand=expr? (WHEN expr THEN expr)+ (ELSE expr)? END            #caseExpr
    | RAISE LPAREN (IGNORE | (ROLLBACK | ABORT | FAIL) COMMA STRING_LITERAL) RPAREN #raiseExpr
    | functionName LPAREN (DISTINCT? expr (COMMA expr)* orderByClause? | STAR)? RPAREN
      filterClause? overClause?                                             #functionExpr
    | expr COLLATE identifier                                               #collateExpr
    | op=(MINUS | PLUS | TILDE) expr                                        #unaryExpr
    | expr op=(PIPE2 | JPTR | JPTR2) expr                                   #binaryExpr
    | expr op=(STAR | DIV | MOD) expr                                       #binaryExpr
    | expr op=(PLUS | MINUS) expr                                           #binaryExpr
    | expr op=(AMP | PIPE | LT2 | GT2) expr                                 #binaryExpr
    | expr ESCAPE expr                                                      #escapeExpr
    | expr op=(LT | LT_EQ | GT | GT_EQ) expr                                #binaryExpr
    | expr op=(ASSIGN | EQ | NOT_EQ1 | NOT_EQ2) expr                        #binaryExpr
    | expr IS NOT? (DISTINCT FROM)? expr                                    #isExpr
    | expr NOT? BETWEEN expr AND expr                                       #betweenExpr
    | expr NOT? IN (LPAREN (selectStatement | expr (COMMA expr)*)? RPAREN | qualifiedName) #inExpr
    | expr NOT? op=(LIKE | GLOB | REGEXP | MATCH) expr                      #likeExpr
    | expr (ISNULL | NOTNULL | NOT NULL)                                    #nullTestExpr
    | NOT expr                                                              #notExpr
    | expr AND expr                                                         #andExpr
    | expr OR expr                                                          #orExpr
    ;

filterClause: FILTER LPAREN WHERE expr RPAREN;
overClause: OVER (identifier | LPAREN windowSpec RPAREN);

functionName: identifier | IF | LIKE | GLOB | REGEXP | MATCH;

literal
    : NUMERIC_LITERAL
    | STRING_LITERAL
    | BLOB_LITERAL
    | NULL
    | CURRENT_TIME
    | CURRENT_DATE
    | CURRENT_TIMESTAMP
    ;

signedNumber: (PLUS | MINUS)? NUMERIC_LITERAL;

qualifiedName: identifier (DOT identifier)*;

/* A table, view, index or trigger name; a single-quoted string is accepted as a name (legacy SQLite). */
objectName: qualifiedName | STRING_LITERAL;

identifier: IDENTIFIER | QUOTED_IDENTIFIER | nonReserved;

/* Keywords SQLite accepts as names (its parser's fallback list, minus those that would make the grammar ambiguous). */
nonReserved
    : ABORT | ACTION | AFTER | ALWAYS | ANALYZE | ASC | ATTACH | BEFORE | BEGIN | BY | CASCADE | COLUMN | CONFLICT
    | CURRENT | DATABASE | DEFERRED | DESC | DETACH | DO | EACH | END | EXCLUDE | EXCLUSIVE | EXPLAIN | FAIL | FILTER
    | FIRST | FOLLOWING | GENERATED | GROUPS | IGNORE | IMMEDIATE | INITIALLY | INSTEAD | KEY | LAST
    | MATERIALIZED | NO | NULLS | OF | OFFSET | OTHERS | OVER | PARTITION | PLAN | PRAGMA | PRECEDING | QUERY
    | RAISE | RANGE | RECURSIVE | REINDEX | RELEASE | RENAME | REPLACE | RESTRICT | ROW | ROWID | ROWS
    | SAVEPOINT | STORED | STRICT | TEMP | TEMPORARY | TIES | TRIGGER | UNBOUNDED | VACUUM | VIEW | VIRTUAL | WINDOW
    | WITHOUT | ADD | TRANSACTION
    ;
