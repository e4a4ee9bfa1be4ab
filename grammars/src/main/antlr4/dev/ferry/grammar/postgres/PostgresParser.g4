/*
 * Ferry PostgreSQL parser: DDL as pg_dump, real schemas and Ferry's converters write it, plus a query/expression
 * grammar good enough for views. One statement at a time (the statement splitter cuts scripts, handles COPY data
 * and psql meta-commands). Function bodies stay opaque dollar-quoted strings. Written for Ferry from the
 * PostgreSQL SQL command reference.
 */
parser grammar PostgresParser;

options { tokenVocab = PostgresLexer; }

// package dev.ferry.grammar.postgres: added by antlr4-maven-plugin from the folder (an explicit @header would duplicate it)

singleStatement: statement SEMI* EOF;

script: SEMI* (statement (SEMI+ statement)*)? SEMI* EOF;

statement
    : createSchema
    | createTable
    | createIndex
    | createSequence
    | alterSequence
    | createView
    | createMaterializedView
    | createType
    | createDomain
    | createFunction
    | createTrigger
    | createExtension
    | commentOn
    | alterTable
    | drop
    | setStatement
    | copyStatement
    | insertStatement
    | updateStatement
    | deleteStatement
    | query
    | transactionStatement
    | acceptedStatement
    ;

/* ------------------------------------------------------------------ CREATE SCHEMA / EXTENSION */
createSchema
    : CREATE SCHEMA (IF NOT EXISTS)? (identifier (AUTHORIZATION roleSpec)? | AUTHORIZATION roleSpec)
    ;

createExtension
    : CREATE EXTENSION (IF NOT EXISTS)? identifier WITH? (SCHEMA identifier | VERSION (identifier | string) | CASCADE)*
    ;

/* ------------------------------------------------------------------ CREATE TABLE */
createTable
    : CREATE ((GLOBAL | LOCAL)? (TEMP | TEMPORARY) | UNLOGGED)? TABLE (IF NOT EXISTS)? qualifiedName
      ( LPAREN (tableElement (COMMA tableElement)*)? RPAREN tableInherits? partitionBy? tableTail*
      | PARTITION OF qualifiedName (LPAREN tableElement (COMMA tableElement)* RPAREN)? partitionBound partitionBy? tableTail*
      | (LPAREN identifier (COMMA identifier)* RPAREN)? tableTail* AS query (WITH NO? DATA)?
      )
    ;

tableElement
    : columnDef
    | tableConstraint
    | LIKE qualifiedName ((INCLUDING | EXCLUDING) (identifier | ALL))*
    ;

tableInherits: INHERITS LPAREN qualifiedName (COMMA qualifiedName)* RPAREN;

partitionBy: PARTITION BY (RANGE | LIST | HASH) LPAREN partitionElem (COMMA partitionElem)* RPAREN;
partitionElem: (identifier | functionCall | LPAREN expr RPAREN) (COLLATE qualifiedName)? qualifiedName?;

partitionBound
    : FOR VALUES ( IN LPAREN expr (COMMA expr)* RPAREN
                 | FROM LPAREN expr (COMMA expr)* RPAREN TO LPAREN expr (COMMA expr)* RPAREN
                 | WITH LPAREN identifier INTEGER_LITERAL COMMA identifier INTEGER_LITERAL RPAREN )
    | DEFAULT
    ;

tableTail
    : USING identifier
    | WITH LPAREN relOption (COMMA relOption)* RPAREN
    | WITHOUT OIDS
    | ON COMMIT (identifier ROWS | DROP | DELETE ROWS)
    | TABLESPACE identifier
    ;

relOption: qualifiedName (EQ (signedNumber | string | identifier | TRUE | FALSE | ON))?;

columnDef: identifier typeName (COLLATE qualifiedName)? columnConstraint*;

columnConstraint
    : CONSTRAINT identifier columnConstraintBody constraintAttribute*
    | columnConstraintBody constraintAttribute*
    | COLLATE qualifiedName
    ;

columnConstraintBody
    : NOT NULL                                                                        #colNotNull
    | NULL                                                                            #colNull
    | CHECK LPAREN expr RPAREN (NO INHERIT)?                                          #colCheck
    | DEFAULT expr                                                                    #colDefault
    | GENERATED (ALWAYS | BY DEFAULT) AS IDENTITY (LPAREN sequenceOption+ RPAREN)?    #colIdentity
    | GENERATED ALWAYS AS LPAREN expr RPAREN STORED                                   #colGenerated
    | UNIQUE nullsDistinct? indexParameters                                           #colUnique
    | PRIMARY KEY indexParameters                                                     #colPrimaryKey
    | references                                                                      #colReferences
    ;

tableConstraint: (CONSTRAINT identifier)? tableConstraintBody constraintAttribute*;

tableConstraintBody
    : CHECK LPAREN expr RPAREN (NO INHERIT)?                                          #tabCheck
    | UNIQUE nullsDistinct? columnList indexParameters                                #tabUnique
    | PRIMARY KEY columnList indexParameters                                          #tabPrimaryKey
    | FOREIGN KEY columnList references                                               #tabForeignKey
    | EXCLUDE (USING identifier)? LPAREN exclusionElem (COMMA exclusionElem)* RPAREN
      indexParameters (WHERE LPAREN expr RPAREN)?                                     #tabExclude
    ;

exclusionElem: indexElem WITH (OP | EQ | LT | GT | identifier | CONCAT);

nullsDistinct: NULLS NOT? DISTINCT;

indexParameters
    : (INCLUDE columnList)? (WITH LPAREN relOption (COMMA relOption)* RPAREN)? (USING INDEX TABLESPACE identifier)?
    ;

references
    : REFERENCES qualifiedName columnList? (MATCH (FULL | PARTIAL | SIMPLE))? referentialAction*
    ;

referentialAction: ON (DELETE | UPDATE) referentialActionKind;

referentialActionKind: NO ACTION | RESTRICT | CASCADE | SET NULL columnList? | SET DEFAULT columnList?;

constraintAttribute
    : NOT? DEFERRABLE
    | INITIALLY (DEFERRED | IMMEDIATE)
    | NOT VALID
    | NO INHERIT
    ;

columnList: LPAREN identifier (COMMA identifier)* RPAREN;

/* ------------------------------------------------------------------ ALTER TABLE */
alterTable
    : ALTER (TABLE | FOREIGN TABLE) (IF EXISTS)? ONLY? qualifiedName STAR?
      ( alterTableAction (COMMA alterTableAction)*
      | RENAME COLUMN? identifier TO identifier
      | RENAME CONSTRAINT identifier TO identifier
      | RENAME TO identifier
      | SET SCHEMA identifier
      | ATTACH PARTITION qualifiedName partitionBound
      | DETACH PARTITION qualifiedName (CONCURRENTLY | identifier)?
      )
    ;

alterTableAction
    : ADD tableConstraint                                                             #addConstraint
    | ADD COLUMN? (IF NOT EXISTS)? columnDef                                          #addColumn
    | DROP CONSTRAINT (IF EXISTS)? identifier (CASCADE | RESTRICT)?                   #dropConstraint
    | DROP COLUMN? (IF EXISTS)? identifier (CASCADE | RESTRICT)?                      #dropColumn
    | ALTER COLUMN? identifier alterColumnAction                                      #alterColumn
    | OWNER TO roleSpec                                                               #ownerTo
    | (ENABLE (ALWAYS | REPLICA)? | DISABLE) TRIGGER (identifier | ALL | USER)        #enableTrigger
    | (ENABLE | DISABLE | NO? FORCE) ROW LEVEL SECURITY                               #rowSecurity
    | (ENABLE (ALWAYS | REPLICA)? | DISABLE) RULE identifier                          #enableRule
    | VALIDATE CONSTRAINT identifier                                                  #validateConstraint
    | CLUSTER ON identifier                                                           #clusterOn
    | SET WITHOUT (CLUSTER | OIDS)                                                    #setWithout
    | SET (LOGGED | UNLOGGED)                                                         #setLogged
    | SET TABLESPACE identifier                                                       #setTablespace
    | (SET | RESET) LPAREN relOption (COMMA relOption)* RPAREN                        #setOptions
    | NO? INHERIT qualifiedName                                                       #inherit
    | REPLICA IDENTITY (DEFAULT | FULL | NOTHING | USING INDEX identifier)            #replicaIdentity
    ;

alterColumnAction
    : (SET DATA)? TYPE typeName (COLLATE qualifiedName)? (USING expr)?
    | SET DEFAULT expr
    | DROP DEFAULT
    | (SET | DROP) NOT NULL
    | ADD GENERATED (ALWAYS | BY DEFAULT) AS IDENTITY (LPAREN sequenceOption+ RPAREN)?
    | (SET GENERATED (ALWAYS | BY DEFAULT) | SET sequenceOption | RESTART (WITH? signedNumber)?)+
    | DROP IDENTITY (IF EXISTS)?
    | DROP expressionWord=identifier (IF EXISTS)?
    | SET STATISTICS signedNumber
    | SET STORAGE identifier
    | SET LPAREN relOption (COMMA relOption)* RPAREN
    | RESET LPAREN relOption (COMMA relOption)* RPAREN
    ;

/* ------------------------------------------------------------------ INDEX / SEQUENCE */
createIndex
    : CREATE UNIQUE? INDEX CONCURRENTLY? (IF NOT EXISTS)? identifier? ON ONLY? qualifiedName
      (USING identifier)? LPAREN indexElem (COMMA indexElem)* RPAREN
      (INCLUDE columnList)? nullsDistinct? (WITH LPAREN relOption (COMMA relOption)* RPAREN)?
      (TABLESPACE identifier)? (WHERE where=expr)?
    ;

indexElem
    : (identifier | functionCall | LPAREN expr RPAREN) (COLLATE qualifiedName)?
      (opclass=qualifiedName (LPAREN relOption (COMMA relOption)* RPAREN)?)?
      (ASC | DESC)? (NULLS (FIRST | LAST))?
    ;

createSequence
    : CREATE (TEMP | TEMPORARY | UNLOGGED)? SEQUENCE (IF NOT EXISTS)? qualifiedName sequenceOption*
    ;

alterSequence
    : ALTER SEQUENCE (IF EXISTS)? qualifiedName
      ( sequenceOption+
      | OWNER TO roleSpec
      | RENAME TO identifier
      | SET SCHEMA identifier
      | SET (LOGGED | UNLOGGED)
      )
    ;

sequenceOption
    : AS typeName                                  #seqAs
    | INCREMENT BY? signedNumber                   #seqIncrement
    | MINVALUE signedNumber                        #seqMinValue
    | NO MINVALUE                                  #seqNoMinValue
    | MAXVALUE signedNumber                        #seqMaxValue
    | NO MAXVALUE                                  #seqNoMaxValue
    | START WITH? signedNumber                     #seqStart
    | RESTART (WITH? signedNumber)?                #seqRestart
    | CACHE signedNumber                           #seqCache
    | NO? CYCLE                                    #seqCycle
    | OWNED BY (qualifiedName | NONE)              #seqOwnedBy
    | SEQUENCE NAME qualifiedName                  #seqName
    ;

/* ------------------------------------------------------------------ VIEW / TYPE / DOMAIN */
createView
    : CREATE (OR REPLACE)? (TEMP | TEMPORARY)? RECURSIVE? VIEW qualifiedName columnList?
      (WITH LPAREN relOption (COMMA relOption)* RPAREN)?
      AS query (WITH (CASCADED | LOCAL)? CHECK OPTION)?
    ;

createMaterializedView
    : CREATE MATERIALIZED VIEW (IF NOT EXISTS)? qualifiedName columnList? (USING identifier)?
      (WITH LPAREN relOption (COMMA relOption)* RPAREN)? (TABLESPACE identifier)?
      AS query (WITH NO? DATA)?
    ;

createType
    : CREATE TYPE qualifiedName AS ENUM LPAREN (string (COMMA string)*)? RPAREN                            #createEnumType
    | CREATE TYPE qualifiedName AS LPAREN (typeAttribute (COMMA typeAttribute)*)? RPAREN                   #createCompositeType
    | CREATE TYPE qualifiedName AS RANGE LPAREN relOption (COMMA relOption)* RPAREN                        #createRangeType
    | CREATE TYPE qualifiedName (LPAREN typeDefOption (COMMA typeDefOption)* RPAREN)?                      #createBaseType
    ;

typeAttribute: identifier typeName (COLLATE qualifiedName)?;

typeDefOption: identifier EQ (typeName | signedNumber | string);

createDomain
    : CREATE DOMAIN qualifiedName AS? typeName domainConstraint*
    ;

domainConstraint
    : COLLATE qualifiedName
    | DEFAULT expr
    | (CONSTRAINT identifier)? (NOT NULL | NULL | CHECK LPAREN expr RPAREN) (NOT VALID)?
    ;

/* ------------------------------------------------------------------ FUNCTION / PROCEDURE / TRIGGER */
createFunction
    : CREATE (OR REPLACE)? (FUNCTION | PROCEDURE) qualifiedName
      LPAREN (functionParameter (COMMA functionParameter)*)? RPAREN
      (RETURNS (TABLE LPAREN typeAttribute (COMMA typeAttribute)* RPAREN | typeName))?
      functionOption+
    ;

functionParameter
    : argMode? (identifier typeName | typeName) ((DEFAULT | EQ) expr)?
    ;

argMode: IN | OUT | INOUT | VARIADIC;

functionOption
    : LANGUAGE (identifier | string)                                                   #fnLanguage
    | AS functionBody (COMMA functionBody)?                                            #fnBody
    | (IMMUTABLE | STABLE | VOLATILE)                                                  #fnVolatility
    | NOT? LEAKPROOF                                                                   #fnLeakproof
    | (CALLED ON NULL INPUT | RETURNS NULL ON NULL INPUT | STRICT)                      #fnNullInput
    | EXTERNAL? SECURITY (INVOKER | DEFINER)                                           #fnSecurity
    | PARALLEL identifier                                                              #fnParallel
    | COST signedNumber                                                                #fnCost
    | ROWS signedNumber                                                                #fnRows
    | SET qualifiedName ((TO | EQ) setValue (COMMA setValue)* | FROM CURRENT)         #fnSet
    | WINDOW                                                                           #fnWindow
    | RETURN expr                                                                      #fnReturn
    | BEGIN ATOMIC (statement SEMI+)* END                                              #fnAtomic
    ;

functionBody: DOLLAR_STRING | string;

createTrigger
    : CREATE (OR REPLACE)? CONSTRAINT? TRIGGER identifier triggerTiming triggerEvent (OR triggerEvent)*
      ON qualifiedName (FROM qualifiedName)? constraintAttribute*
      (REFERENCING ((OLD | NEW) TABLE AS? identifier)+)?
      (FOR EACH? (ROW | STATEMENT))?
      (WHEN LPAREN when=expr RPAREN)?
      EXECUTE (FUNCTION | PROCEDURE) qualifiedName LPAREN (triggerArg (COMMA triggerArg)*)? RPAREN
    ;

triggerTiming: BEFORE | AFTER | INSTEAD OF;

triggerEvent: INSERT | UPDATE (OF identifier (COMMA identifier)*)? | DELETE | TRUNCATE;

triggerArg: string | signedNumber | identifier;

/* ------------------------------------------------------------------ COMMENT / DROP / SET / COPY */
commentOn
    : COMMENT ON commentTarget IS (string | NULL)
    ;

commentTarget
    : COLUMN qualifiedName                                                             #commentColumn
    | (CONSTRAINT | TRIGGER | POLICY | RULE) identifier ON DOMAIN? qualifiedName       #commentOnTableObject
    | (FUNCTION | PROCEDURE | AGGREGATE) qualifiedName
      (LPAREN (functionParameter (COMMA functionParameter)*)? RPAREN)?                 #commentRoutine
    | objectKind qualifiedName                                                         #commentObject
    ;

objectKind
    : TABLE | VIEW | MATERIALIZED VIEW | INDEX | SEQUENCE | SCHEMA | TYPE | DOMAIN | EXTENSION | DATABASE | ROLE
    | FOREIGN TABLE | COLLATION | TABLESPACE | LANGUAGE | identifier
    ;

drop
    : DROP dropKind CONCURRENTLY? (IF EXISTS)? dropTarget (COMMA dropTarget)* (CASCADE | RESTRICT)?
    ;

dropKind
    : TABLE | VIEW | MATERIALIZED VIEW | INDEX | SEQUENCE | SCHEMA | TYPE | DOMAIN | EXTENSION | FUNCTION | PROCEDURE
    | TRIGGER | POLICY | RULE | DATABASE | ROLE | USER | AGGREGATE | OPERATOR | COLLATION | FOREIGN TABLE | SERVER
    | EVENT TRIGGER | PUBLICATION | SUBSCRIPTION | TABLESPACE | identifier
    ;

dropTarget: qualifiedName (LPAREN (functionParameter (COMMA functionParameter)*)? RPAREN)? (ON qualifiedName)?;

setStatement
    : SET (SESSION | LOCAL)? ( qualifiedName (TO | EQ) (setValue (COMMA setValue)* | DEFAULT)
                             | TIME ZONE (setValue | LOCAL | DEFAULT)
                             | SCHEMA string
                             | NAMES string
                             | ROLE (identifier | string | NONE)
                             | SESSION AUTHORIZATION (identifier | string | DEFAULT)
                             | TRANSACTION (~SEMI)*
                             | CONSTRAINTS (ALL | qualifiedName (COMMA qualifiedName)*) (DEFERRED | IMMEDIATE)
                             )
    | RESET (ALL | qualifiedName)
    | SHOW (ALL | qualifiedName | TIME ZONE)
    ;

setValue: signedNumber | string | identifier | ON | TRUE | FALSE | NULL;

copyStatement
    : COPY (qualifiedName columnList? | LPAREN query RPAREN) (FROM | TO) programWord=identifier? (identifier | string)
      (WITH? (LPAREN copyOption (COMMA copyOption)* RPAREN | copyLegacyOption+))?
      (WHERE expr)?
    ;

copyOption: identifier (signedNumber | string | identifier | TRUE | FALSE | ON | DEFAULT | columnList | STAR)?;

copyLegacyOption: identifier (AS? (string | identifier))? | NULL AS? string | delimiterWord=identifier AS? string | FORCE NOT? NULL? (columnList | identifier (COMMA identifier)* | STAR);

/* ------------------------------------------------------------------ DML */
insertStatement
    : withClause? INSERT INTO qualifiedName (AS identifier)? columnList?
      (OVERRIDING (SYSTEM | USER) VALUE)?
      (DEFAULT VALUES | query)
      onConflict?
      returningClause?
    ;

onConflict
    : ON CONFLICT (LPAREN indexElem (COMMA indexElem)* RPAREN (WHERE expr)? | ON CONSTRAINT identifier)?
      DO (NOTHING | UPDATE SET setClause (COMMA setClause)* (WHERE expr)?)
    ;

setClause: (identifier (DOT identifier)* | columnList) EQ (expr | DEFAULT);

updateStatement
    : withClause? UPDATE ONLY? qualifiedName STAR? (AS? identifier)?
      SET setClause (COMMA setClause)* (FROM fromItem (COMMA fromItem)*)? (WHERE expr)? returningClause?
    ;

deleteStatement
    : withClause? DELETE FROM ONLY? qualifiedName STAR? (AS? identifier)?
      (USING fromItem (COMMA fromItem)*)? (WHERE expr)? returningClause?
    ;

returningClause: RETURNING selectItem (COMMA selectItem)*;

transactionStatement
    : (BEGIN | START TRANSACTION) (WORK | TRANSACTION)? (~SEMI)*
    | (COMMIT | END | ABORT | ROLLBACK) (WORK | TRANSACTION)? (AND NO? identifier)?
    | ROLLBACK (WORK | TRANSACTION)? TO SAVEPOINT? identifier
    | SAVEPOINT identifier
    | RELEASE SAVEPOINT? identifier
    ;

/* Statements Ferry accepts without looking inside (privileges, policies, roles, maintenance, other objects). */
acceptedStatement
    : (GRANT | REVOKE | LOCK | TRUNCATE | VACUUM | ANALYZE | REFRESH | CALL | DO | CLUSTER | REINDEX | EXPLAIN
      | DISCARD | CHECKPOINT | LISTEN | NOTIFY | UNLISTEN | PREPARE | DEALLOCATE | EXECUTE | IMPORT) (~SEMI)*
    | CREATE (OR REPLACE)? (POLICY | ROLE | USER | DATABASE | RULE | AGGREGATE | OPERATOR | COLLATION | CONVERSION
      | SERVER | PUBLICATION | SUBSCRIPTION | TABLESPACE | EVENT | FOREIGN | LANGUAGE | CAST | STATISTICS) (~SEMI)*
    | ALTER (FUNCTION | PROCEDURE | SCHEMA | TYPE | DOMAIN | VIEW | MATERIALIZED | INDEX | DATABASE | ROLE | USER
      | EXTENSION | POLICY | TRIGGER | AGGREGATE | OPERATOR | COLLATION | SERVER | PUBLICATION | SUBSCRIPTION
      | TABLESPACE | EVENT | LANGUAGE | DEFAULT | RULE) (~SEMI)*
    | SECURITY LABEL (~SEMI)*
    ;

/* ------------------------------------------------------------------ queries */
query: withClause? queryExpression orderByClause? limitClause* lockingClause*;

withClause: WITH RECURSIVE? commonTableExpression (COMMA commonTableExpression)*;

commonTableExpression
    : identifier columnList? AS (NOT? MATERIALIZED)? LPAREN (query | insertStatement | updateStatement | deleteStatement) RPAREN
      (searchWord=identifier (~(COMMA | SELECT | WITH))*?)?
    ;

queryExpression
    : queryPrimary                                                                      #primaryQuery
    | queryExpression INTERSECT (ALL | DISTINCT)? queryExpression                      #setOperation
    | queryExpression (UNION | EXCEPT) (ALL | DISTINCT)? queryExpression               #setOperation
    ;

queryPrimary
    : selectCore
    | valuesClause
    | TABLE ONLY? qualifiedName STAR?
    | LPAREN query RPAREN
    ;

valuesClause: VALUES valuesRow (COMMA valuesRow)*;
valuesRow: LPAREN (expr | DEFAULT) (COMMA (expr | DEFAULT))* RPAREN;

selectCore
    : SELECT (ALL | DISTINCT (ON LPAREN expr (COMMA expr)* RPAREN)?)? (selectItem (COMMA selectItem)*)?
      (INTO (TEMP | TEMPORARY | UNLOGGED)? TABLE? qualifiedName)?
      (FROM fromItem (COMMA fromItem)*)?
      (WHERE where=expr)?
      (GROUP BY (ALL | DISTINCT)? groupItem (COMMA groupItem)*)?
      (HAVING having=expr)?
      (WINDOW windowDefinition (COMMA windowDefinition)*)?
    ;

selectItem
    : STAR
    | qualifiedName DOT STAR
    | expr (AS anyName | identifier)?
    ;

groupItem
    : expr
    | LPAREN RPAREN
    | (rollupWord=identifier | cubeWord=identifier) LPAREN expr (COMMA expr)* RPAREN
    | groupingWord=identifier setsWord=identifier LPAREN groupItem (COMMA groupItem)* RPAREN
    ;

fromItem
    : fromPrimary                                                                       #primaryFrom
    | fromItem CROSS JOIN fromItem                                                      #crossJoin
    | fromItem joinType? JOIN fromItem (ON expr | USING columnList (AS identifier)?)    #qualifiedJoin
    | fromItem NATURAL joinType? JOIN fromItem                                          #naturalJoin
    ;

joinType: INNER | (LEFT | RIGHT | FULL) OUTER?;

fromPrimary
    : ONLY? qualifiedName STAR? aliasClause? (tablesampleWord=identifier functionCall)?
    | LATERAL? LPAREN query RPAREN aliasClause?
    | LATERAL? functionCall (WITH ORDINALITY)? aliasClause?
    | LPAREN fromItem RPAREN aliasClause?
    ;

aliasClause: AS? identifier (LPAREN identifier typeName? (COMMA identifier typeName?)* RPAREN)? | AS LPAREN typeAttribute (COMMA typeAttribute)* RPAREN;

orderByClause: ORDER BY sortItem (COMMA sortItem)*;

sortItem: expr (ASC | DESC | USING (OP | LT | GT))? (NULLS (FIRST | LAST))?;

limitClause
    : LIMIT (expr | ALL)
    | OFFSET expr (ROW | ROWS)?
    | FETCH (FIRST | NEXT) expr? (ROW | ROWS) (ONLY | WITH TIES)
    ;

lockingClause: FOR (UPDATE | NO KEY UPDATE | shareWord=identifier | KEY identifier) (OF qualifiedName (COMMA qualifiedName)*)? (nowaitWord=identifier | skipWord=identifier lockedWord=identifier)?;

windowDefinition: identifier AS LPAREN windowSpec RPAREN;

windowSpec: identifier? (PARTITION BY expr (COMMA expr)*)? orderByClause? frameClause?;

frameClause
    : (RANGE | ROWS | GROUPS) (frameBound | BETWEEN frameBound AND frameBound)
      (EXCLUDE (CURRENT ROW | GROUP | TIES | NO OTHERS))?
    ;

frameBound: UNBOUNDED (PRECEDING | FOLLOWING) | CURRENT ROW | expr (PRECEDING | FOLLOWING);

/* ------------------------------------------------------------------ expressions (higher precedence first) */
expr
    : primaryExpr                                                                       #primary
    | expr DCOLON typeName                                                              #castOperator
    | expr LBRACKET (expr? COLON expr? | expr) RBRACKET                                 #subscript
    | expr DOT (identifier | STAR)                                                      #fieldAccess
    | expr COLLATE qualifiedName                                                        #collate
    | expr AT TIME ZONE expr                                                            #atTimeZone
    | op=(PLUS | MINUS) expr                                                            #unary
    | expr CARET expr                                                                   #binary
    | expr op=(STAR | SLASH | PERCENT) expr                                             #binary
    | expr op=(PLUS | MINUS) expr                                                       #binary
    | expr op=(OP | CONCAT) expr                                                        #binary
    | op=OP expr                                                                        #unary
    | expr NOT? (LIKE | ILIKE) expr (ESCAPE expr)?                                      #like
    | expr NOT? SIMILAR TO expr (ESCAPE expr)?                                          #similar
    | expr NOT? BETWEEN SYMMETRIC? expr AND expr                                        #between
    | expr NOT? IN LPAREN (query | expr (COMMA expr)*) RPAREN                           #in
    | expr comparisonOperator (ANY | SOME | ALL) LPAREN (query | expr) RPAREN          #quantified
    | expr comparisonOperator expr                                                      #comparison
    | expr IS NOT? (NULL | TRUE | FALSE | UNKNOWN | DISTINCT FROM expr)                 #is
    | expr IS NOT? JSON (VALUE | ARRAY | OBJECT | SCALAR)? ((WITH | WITHOUT) UNIQUE KEYS?)?  #isJson
    | expr (ISNULL | NOTNULL)                                                           #nullTest
    | NOT expr                                                                          #not
    | expr AND expr                                                                     #and
    | expr OR expr                                                                      #or
    ;

comparisonOperator: EQ | NEQ | LT | LTE | GT | GTE;

primaryExpr
    : literal                                                                           #literalExpr
    | PARAM                                                                             #paramExpr
    | INTERVAL (LPAREN INTEGER_LITERAL RPAREN)? string intervalFields?                 #intervalLiteral
    | (TIME | TIMESTAMP) (LPAREN INTEGER_LITERAL RPAREN)? ((WITH | WITHOUT) TIME ZONE)? string #timeLiteral
    | qualifiedName string                                                              #typedLiteral
    | CAST LPAREN expr AS typeName RPAREN                                               #castExpr
    | CASE operand=expr? (WHEN expr THEN expr)+ (ELSE elseExpr=expr)? END               #caseExpr
    | EXTRACT LPAREN (identifier | string | timeUnit) FROM expr RPAREN                  #extractExpr
    | TRIM LPAREN (BOTH | LEADING | TRAILING)? (expr? FROM)? expr (COMMA expr)* RPAREN #trimExpr
    | SUBSTRING LPAREN expr (FROM expr)? (FOR expr)? (COMMA expr)* RPAREN              #substringExpr
    | POSITION LPAREN expr IN expr RPAREN                                               #positionExpr
    | OVERLAY LPAREN expr PLACING expr FROM expr (FOR expr)? RPAREN                     #overlayExpr
    | EXISTS LPAREN query RPAREN                                                        #existsExpr
    | ARRAY (LBRACKET (arrayElement (COMMA arrayElement)*)? RBRACKET | LPAREN query RPAREN) #arrayExpr
    | ROW LPAREN (expr (COMMA expr)*)? RPAREN                                           #rowExpr
    | LPAREN query RPAREN                                                               #subqueryExpr
    | LPAREN expr COMMA expr (COMMA expr)* RPAREN                                       #rowExpr
    | LPAREN expr RPAREN                                                                #parenExpr
    | specialFunction (LPAREN INTEGER_LITERAL RPAREN)?                                  #specialFunctionExpr
    | functionCall                                                                      #functionExpr
    | qualifiedName                                                                     #columnRef
    ;

arrayElement: expr | LBRACKET (arrayElement (COMMA arrayElement)*)? RBRACKET;

specialFunction
    : CURRENT_DATE | CURRENT_TIME | CURRENT_TIMESTAMP | LOCALTIME | LOCALTIMESTAMP | CURRENT_USER | CURRENT_ROLE
    | SESSION_USER | USER | CURRENT_CATALOG | CURRENT_SCHEMA
    ;

functionCall
    : functionName LPAREN
      ( STAR
      | (ALL | DISTINCT)? functionArgument (COMMA functionArgument)* orderByClause?
      | VARIADIC expr
      )? RPAREN
      (WITHIN GROUP LPAREN orderByClause RPAREN)?
      (FILTER LPAREN WHERE expr RPAREN)?
      (OVER (identifier | LPAREN windowSpec RPAREN))?
    ;

functionName: qualifiedName | LEFT | RIGHT | COLLATION identifier? | OVERLAPS;

functionArgument: (identifier (ARROW_NAMED | COLON_EQUALS))? expr | VARIADIC expr;

intervalFields: timeUnit (TO timeUnit)? (LPAREN INTEGER_LITERAL RPAREN)?;

timeUnit: YEAR | MONTH | DAY | HOUR | MINUTE | SECOND;

literal
    : INTEGER_LITERAL
    | NUMERIC_LITERAL
    | string
    | BIT_STRING
    | TRUE
    | FALSE
    | NULL
    ;

string: STRING | ESCAPE_STRING | NATIONAL_STRING | UNICODE_STRING | DOLLAR_STRING;

signedNumber: (PLUS | MINUS)? (INTEGER_LITERAL | NUMERIC_LITERAL);

/* ------------------------------------------------------------------ types */
typeName
    : SETOF? baseTypeName arraySuffix
    ;

arraySuffix: (LBRACKET INTEGER_LITERAL? RBRACKET)* | ARRAY (LBRACKET INTEGER_LITERAL? RBRACKET)?;

baseTypeName
    : DOUBLE PRECISION                                                                   #doublePrecisionType
    | NATIONAL? CHARACTER VARYING? typeModifiers?                                        #characterType
    | BIT VARYING? typeModifiers?                                                        #bitType
    | (TIME | TIMESTAMP) typeModifiers? ((WITH | WITHOUT) TIME ZONE)?                    #timeType
    | INTERVAL intervalFields? typeModifiers?                                            #intervalType
    | qualifiedName VARYING? typeModifiers?                                              #genericType
    | qualifiedName PERCENT (TYPE | rowtypeWord=identifier)                             #copiedType
    ;

typeModifiers: LPAREN typeModifier (COMMA typeModifier)* RPAREN;
typeModifier: signedNumber | identifier | string;

/* ------------------------------------------------------------------ names */
qualifiedName: identifier (DOT identifier)*;

roleSpec: identifier | CURRENT_USER | SESSION_USER | CURRENT_ROLE | string;

identifier: IDENTIFIER | QUOTED_IDENTIFIER | nonReserved | colNameKeyword;

/* Keywords PostgreSQL reserves for types and special functions but still accepts as column and table names. */
colNameKeyword: TIME | TIMESTAMP | INTERVAL | POSITION | NONE;

/* after AS any keyword may name a column */
anyName: identifier | ~(SEMI | COMMA | LPAREN | RPAREN | DOT);

nonReserved
    : RENAME | STDIN | STDOUT | ABSOLUTE | ACTION | ADD | AFTER | AGGREGATE | ALTER | ALWAYS | ANALYZE | AT | ATOMIC | ATTACH | BEFORE | BEGIN
    | BY | CACHE | CALL | CALLED | CASCADE | CASCADED | CLUSTER | COMMENT | COMMIT | CONFLICT | CONSTRAINTS | COPY
    | COST | CURRENT | CURRENT_SCHEMA | CYCLE | DATA | DATABASE | DAY | DEFAULTS | DEFERRED | DEFINER | DELETE
    | DETACH | DISABLE | DOMAIN | DROP | EACH | ENABLE | ENUM | ESCAPE | EXCLUDE | EXECUTE | EXTENSION | EXTERNAL
    | FILTER | FIRST | FOLLOWING | FORCE | FUNCTION | FUNCTIONS | GENERATED | GLOBAL | GROUPS | HASH | HOUR
    | IDENTITY | IF | IMMEDIATE | IMMUTABLE | INCLUDE | INCLUDING | EXCLUDING | INCREMENT | INDEX | INHERIT
    | INHERITS | INPUT | INSERT | INSTEAD | INVOKER | KEY | LANGUAGE | LAST | LEAKPROOF | LEVEL | LIST | LOCAL
    | LOGGED | MATCH | MATERIALIZED | MAXVALUE | MINUTE | MINVALUE | MONTH | NAME | NEW | NEXT | NO | NOTHING
    | NULLS | OF | OIDS | OLD | OPTION | ORDINALITY | OTHERS | OVER | OVERRIDING | OWNED | OWNER | PARALLEL
    | PARTIAL | PARTITION | POLICY | PRECEDING | PRECISION | PROCEDURE | RANGE | READ | RECURSIVE | REFERENCING
    | REPLACE | REPLICA | RESET | RESTART | RESTRICT | RETURN | RETURNS | REVOKE | ROLE | ROLLBACK | ROWS | RULE
    | SCHEMA | SECOND | SECURITY | SEQUENCE | SESSION | SET | SHOW | SIMPLE | STABLE | START | STATEMENT
    | STATISTICS | STORAGE | STORED | STRICT | SYSTEM | TABLESPACE | TEMP | TEMPORARY | TIES | TRANSACTION | TRIGGER
    | TYPE | UNBOUNDED | UNKNOWN | UNLOGGED | UPDATE | VALID | VALIDATE | VALUE | VARYING | VERSION | VIEW
    | VOLATILE | WITHIN | WITHOUT | WORK | YEAR | ZONE | SECURITY_INVOKER | LOCK | TRUNCATE | VACUUM | REFRESH
    | OPERATOR | CONVERSION | SERVER | WRAPPER | EVENT | PUBLICATION | SUBSCRIPTION | ISOLATION | PRIVILEGES
    | IMPORT | DISCARD | CHECKPOINT | LISTEN | NOTIFY | UNLISTEN | PREPARE | DEALLOCATE | EXPLAIN | SAVEPOINT
    | RELEASE | REINDEX | NAMES | LABEL | ABORT | JSON | OBJECT | SCALAR | KEYS
    ;
