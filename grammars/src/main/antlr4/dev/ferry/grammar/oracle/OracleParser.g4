/*
 * Ferry's own parser for Oracle SQL and PL/SQL, written from the Oracle SQL Language Reference and PL/SQL Language
 * Reference (not derived from any third-party grammar). The entry rule is singleStatement: SqlPlusScript splits a
 * script into statements first (SQL without its terminating ';', PL/SQL units including their final 'END;').
 * Physical/storage clauses are accepted structurally but kept opaque (physicalClause).
 */
parser grammar OracleParser;

options { tokenVocab = OracleLexer; }

// package dev.ferry.grammar.oracle comes from the directory: antlr4-maven-plugin passes -package itself,
// so an @header package declaration would be emitted twice.

// ==================================================================================================== entry points
singleStatement
    : unitStatement SEMI? EOF
    ;

sqlScript
    : (unitStatement SEMI? | SEMI)* EOF
    ;

unitStatement
    : createTable
    | createIndex
    | createSequence
    | createView
    | createMaterializedView
    | createSynonym
    | createTypeBody
    | createType
    | createProcedure
    | createFunction
    | createPackageBody
    | createPackage
    | createTrigger
    | createOther
    | alterTable
    | alterOther
    | commentOn
    | dropStatement
    | grantStatement
    | revokeStatement
    | truncateStatement
    | renameStatement
    | anonymousBlock
    | callStatement
    | sqlStatement
    | opaqueStatement
    ;

// statements usable both at top level and inside PL/SQL
sqlStatement
    : query
    | insertStatement
    | updateStatement
    | deleteStatement
    | mergeStatement
    | lockTableStatement
    | transactionStatement
    ;

// ==================================================================================================== CREATE TABLE
createTable
    : CREATE (GLOBAL TEMPORARY | PRIVATE TEMPORARY | SHARDED | DUPLICATED)? TABLE ifNotExists? objectName
      (OF typeName)?
      (LPAREN relationalProperty (COMMA relationalProperty)* RPAREN)?
      tableProperty*
      (AS query)?
    ;

ifNotExists: IF NOT EXISTS;
ifExists: IF EXISTS;

relationalProperty
    : outOfLineConstraint
    | columnDefinition
    ;

columnDefinition
    : columnName=identifier dataType? (COLLATE identifier)? SORT? (VISIBLE | INVISIBLE)?
      columnDefault?
      (ENCRYPT (~(COMMA | RPAREN | NOT | NULL_ | CONSTRAINT | PRIMARY | UNIQUE | CHECK | REFERENCES))*)?
      inlineConstraint*
    ;

columnDefault
    : DEFAULT (ON NULL_)? expression
    | identityClause
    | virtualColumn
    ;

identityClause
    : GENERATED (ALWAYS | BY DEFAULT (ON NULL_)?)? AS IDENTITY (LPAREN sequenceOption* RPAREN)?
    ;

virtualColumn
    : (GENERATED ALWAYS)? AS LPAREN expression RPAREN VIRTUAL?
    ;

inlineConstraint
    : (CONSTRAINT constraintName=identifier)?
      ( NOT? NULL_
      | UNIQUE
      | PRIMARY KEY
      | CHECK LPAREN condition RPAREN
      | referencesClause
      )
      constraintState*
    ;

outOfLineConstraint
    : (CONSTRAINT constraintName=identifier)?
      ( UNIQUE columnList
      | PRIMARY KEY columnList
      | FOREIGN KEY columnList referencesClause
      | CHECK LPAREN condition RPAREN
      )
      constraintState*
    ;

referencesClause
    : REFERENCES objectName columnList? (ON DELETE (CASCADE | SET NULL_))?
    ;

constraintState
    : NOT? DEFERRABLE
    | INITIALLY (DEFERRED | IMMEDIATE)
    | ENABLE
    | DISABLE
    | VALIDATE
    | NOVALIDATE
    | RELY
    | NORELY
    | USING INDEX (LPAREN createIndex RPAREN | indexProperty+ | objectName)?
    | EXCEPTIONS INTO objectName
    ;

columnList
    : LPAREN identifier (COMMA identifier)* RPAREN
    ;

tableProperty
    : ON COMMIT (DELETE | PRESERVE) ROWS
    | OBJECT identifier IS (PRIMARY KEY | SYSTEM identifier)
    | NESTED TABLE identifier STORE AS identifier parenBlock? (RETURN AS? identifier)?
    | XMLTYPE COLUMN? identifier STORE AS (SECUREFILE | BASICFILE)? (CLOB | identifier identifier?) parenBlock?
    | ORGANIZATION (HEAP | INDEX | EXTERNAL parenBlock)
    | partitioningClause
    | physicalClause
    ;

// storage/physical attributes: kept as opaque clauses
physicalClause
    : TABLESPACE SET? identifier
    | STORAGE parenBlock
    | LOB parenBlock STORE AS (SECUREFILE | BASICFILE)? identifier? parenBlock?
    | COMPRESS (FOR identifier+ | NUMERIC_LITERAL)?
    | (ROW | COLUMN) STORE COMPRESS (FOR identifier+ | identifier)?
    | (ENABLE | DISABLE) ROW MOVEMENT
    | SEGMENT CREATION_WORD=identifier (IMMEDIATE | DEFERRED)
    | PARALLEL NUMERIC_LITERAL?
    | NOPARALLEL
    | CACHE
    | NOCACHE
    | LOGGING
    | NOLOGGING
    | NOCOMPRESS
    | genericClause
    ;

genericClause
    : identifier EQUAL? (NUMERIC_LITERAL | parenBlock)?
    ;

parenBlock
    : LPAREN (~(LPAREN | RPAREN) | parenBlock)* RPAREN
    ;

partitioningClause
    : PARTITION BY RANGE columnList
      (INTERVAL LPAREN expression RPAREN (STORE IN parenBlock)?)?
      subpartitionClause? partitionList?
    | PARTITION BY LIST columnList AUTOMATIC? subpartitionClause? partitionList?
    | PARTITION BY HASH columnList
      (PARTITIONS NUMERIC_LITERAL (STORE IN parenBlock)? | subpartitionClause? partitionList)?
    | PARTITION BY REFERENCE LPAREN identifier RPAREN partitionList?
    ;

subpartitionClause
    : SUBPARTITION BY identifier columnList (SUBPARTITIONS NUMERIC_LITERAL | SUBPARTITION TEMPLATE parenBlock)?
    ;

partitionList
    : LPAREN partitionDefinition (COMMA partitionDefinition)* RPAREN
    ;

partitionDefinition
    : PARTITION identifier?
      ( VALUES LESS_KW THAN LPAREN partitionBound (COMMA partitionBound)* RPAREN
      | VALUES LPAREN partitionBound (COMMA partitionBound)* RPAREN
      )?
      physicalClause*
      parenBlock?
    ;

partitionBound
    : MAXVALUE
    | DEFAULT
    | expression
    ;

// ==================================================================================================== indexes, sequences
createIndex
    : CREATE (UNIQUE | BITMAP)? INDEX ifNotExists? objectName
      ON ( CLUSTER objectName
         | objectName tableAlias? LPAREN indexElement (COMMA indexElement)* RPAREN
         )
      indexProperty*
    ;

indexElement
    : expression (ASC | DESC)?
    ;

indexProperty
    : REVERSE
    | LOCAL partitionList?
    | GLOBAL partitioningClause
    | ONLINE
    | COMPUTE STATISTICS
    | VISIBLE
    | INVISIBLE
    | physicalClause
    ;

createSequence
    : CREATE SEQUENCE ifNotExists? objectName sequenceOption*
    ;

sequenceOption
    : START WITH (signedNumber | LIMIT VALUE)
    | INCREMENT BY signedNumber
    | MAXVALUE signedNumber
    | NOMAXVALUE
    | MINVALUE signedNumber
    | NOMINVALUE
    | CYCLE
    | NOCYCLE
    | CACHE signedNumber
    | NOCACHE
    | ORDER
    | NOORDER
    | KEEP
    | NOKEEP
    | SCALE identifier?
    | NOSCALE
    | SESSION
    | GLOBAL
    ;

signedNumber
    : (PLUS | MINUS_SIGN)? NUMERIC_LITERAL
    ;

// ==================================================================================================== views, synonyms, comments
createView
    : CREATE (OR REPLACE)? (NO? FORCE | NOFORCE)? editionability* VIEW objectName
      (LPAREN viewColumn (COMMA viewColumn)* RPAREN)?
      (BEQUEATH (CURRENT_USER | DEFINER))?
      AS query
      (WITH (READ ONLY | CHECK OPTION) (CONSTRAINT identifier)?)?
    ;

viewColumn
    : outOfLineConstraint
    | identifier (VISIBLE | INVISIBLE)? inlineConstraint*
    ;

editionability
    : EDITIONABLE
    | NONEDITIONABLE
    | EDITIONING
    ;

createMaterializedView
    : CREATE MATERIALIZED VIEW objectName (LPAREN identifier (COMMA identifier)* RPAREN)?
      materializedViewOption*
      AS query
    ;

materializedViewOption
    : BUILD (IMMEDIATE | DEFERRED)
    | REFRESH (FAST | COMPLETE | FORCE)? (ON (DEMAND | COMMIT | STATEMENT))?
      (START WITH expression)? (NEXT expression)? (WITH (PRIMARY KEY | ROWID))?
    | NEVER REFRESH
    | (ENABLE | DISABLE) QUERY REWRITE
    | ON PREBUILT TABLE ((WITH | WITHOUT) identifier)?
    | USING INDEX physicalClause*
    | USING NO INDEX
    | tableProperty
    ;

createSynonym
    : CREATE (OR REPLACE)? editionability? PUBLIC? SYNONYM objectName FOR objectName (AT_SIGN dbLink)?
    ;

commentOn
    : COMMENT ON (TABLE | COLUMN | MATERIALIZED VIEW | OPERATOR_WORD=identifier) qualifiedName IS stringLiteral
    ;

// ==================================================================================================== types
createType
    : CREATE (OR REPLACE)? editionability? TYPE objectName FORCE? (OID stringLiteral)?
      ( SEMI?
      | invokerRights? (IS | AS) typeDefinition typeModifiers* SEMI?
      | UNDER objectName typeMemberList? typeModifiers* SEMI?
      )
    ;

typeDefinition
    : OBJECT typeMemberList?
    | (VARRAY | VARYING ARRAY) LPAREN NUMERIC_LITERAL RPAREN OF dataType (NOT NULL_)?
    | TABLE OF dataType (NOT NULL_)?
    ;

typeMemberList
    : LPAREN typeMember (COMMA typeMember)* RPAREN
    ;

typeMember
    : typeModifiers* (MAP | ORDER)? (MEMBER | STATIC) (procedureHeading | functionHeading) (SEMI? PRAGMA RESTRICT_REFERENCES parenBlock)?
    | typeModifiers* constructorHeading
    | identifier dataType
    ;

typeModifiers
    : NOT? (FINAL | INSTANTIABLE | OVERRIDING | PERSISTABLE)
    ;

constructorHeading
    : FINAL? INSTANTIABLE? CONSTRUCTOR FUNCTION typeName parameterList? RETURN SELF AS RESULT
    ;

createTypeBody
    : CREATE (OR REPLACE)? editionability? TYPE BODY objectName (IS | AS) typeBodyMember+ END SEMI?
    ;

typeBodyMember
    : typeModifiers* (MAP | ORDER)? (MEMBER | STATIC) (procedureDefinition | functionDefinition)
    | typeModifiers* constructorHeading (IS | AS) body
    ;

// ==================================================================================================== PL/SQL units
createProcedure
    : CREATE (OR REPLACE)? editionability? PROCEDURE objectName parameterList? routineOption*
      (IS | AS) (body | externalBody)
    ;

createFunction
    : CREATE (OR REPLACE)? editionability? FUNCTION objectName parameterList? RETURN dataType routineOption*
      ( (IS | AS) (body | externalBody)
      | AGGREGATE_WORD=identifier USING objectName SEMI?
      )
    ;

externalBody
    : (LANGUAGE | EXTERNAL) (~SEMI)* SEMI
    ;

createPackage
    : CREATE (OR REPLACE)? editionability? PACKAGE objectName routineOption* (IS | AS)
      declareItem* END identifier? SEMI
    ;

createPackageBody
    : CREATE (OR REPLACE)? editionability? PACKAGE BODY objectName (IS | AS)
      declareItem* (BEGIN statements exceptionSection?)? END identifier? SEMI
    ;

routineOption
    : invokerRights
    | DETERMINISTIC
    | PIPELINED
    | PARALLEL_ENABLE parenBlock?
    | RESULT_CACHE (RELIES_ON parenBlock)?
    | ACCESSIBLE BY parenBlock
    | SHARING EQUAL identifier
    ;

invokerRights
    : AUTHID (CURRENT_USER | DEFINER)
    ;

parameterList
    : LPAREN parameter (COMMA parameter)* RPAREN
    ;

parameter
    : identifier (IN OUT? | OUT | INOUT)? NOCOPY? dataType ((ASSIGN | DEFAULT) condition)?
    ;

procedureHeading
    : PROCEDURE identifier parameterList?
    ;

functionHeading
    : FUNCTION identifier parameterList? RETURN dataType routineOption*
    ;

procedureDefinition
    : procedureHeading routineOption* ((IS | AS) (body | externalBody) | SEMI)
    ;

functionDefinition
    : functionHeading ((IS | AS) (body | externalBody) | SEMI)
    ;

// declarations, then BEGIN ... [EXCEPTION ...] END [name];
body
    : declareItem* BEGIN statements exceptionSection? END identifier? SEMI
    ;

anonymousBlock
    : (DECLARE declareItem*)? BEGIN statements exceptionSection? END identifier? SEMI
    ;

exceptionSection
    : EXCEPTION exceptionHandler+
    ;

exceptionHandler
    : WHEN exceptionName (OR exceptionName)* THEN statements
    ;

exceptionName
    : OTHERS
    | qualifiedName
    ;

// ==================================================================================================== triggers
createTrigger
    : CREATE (OR REPLACE)? editionability? TRIGGER objectName
      ( (BEFORE | AFTER) dmlEventClause referencingClause? (FOR EACH ROW)?
      | INSTEAD OF dmlEventClause referencingClause? (FOR EACH ROW)?
      | FOR dmlEventClause referencingClause?
      | (BEFORE | AFTER | INSTEAD OF) systemEvent (OR systemEvent)* ON (identifier DOT)? (SCHEMA | DATABASE)
      )
      triggerOrdering*
      (ENABLE | DISABLE)?
      (WHEN LPAREN condition RPAREN)?
      triggerBody
    ;

dmlEventClause
    : dmlEvent (OR dmlEvent)* ON (NESTED TABLE identifier OF)? objectName
    ;

dmlEvent
    : DELETE
    | INSERT
    | UPDATE (OF identifier (COMMA identifier)*)?
    ;

systemEvent
    : (identifier | CREATE | ALTER | DROP | GRANT | REVOKE | TRUNCATE | RENAME | COMMENT | ANALYZE | AUDIT | NOAUDIT)+
    ;

referencingClause
    : REFERENCING ((OLD | NEW | PARENT) AS? identifier)+
    ;

triggerOrdering
    : (FOLLOWS | PRECEDES) objectName (COMMA objectName)*
    ;

triggerBody
    : COMPOUND TRIGGER declareItem* timingPointSection+ END identifier? SEMI
    | CALL qualifiedName functionArguments? SEMI?
    | anonymousBlock
    ;

timingPointSection
    : timingPoint IS declareItem* BEGIN statements exceptionSection? END timingPoint SEMI
    ;

timingPoint
    : BEFORE STATEMENT
    | BEFORE EACH ROW
    | AFTER STATEMENT
    | AFTER EACH ROW
    | INSTEAD OF EACH ROW
    ;

// ==================================================================================================== declarations
declareItem
    : PRAGMA pragmaBody SEMI
    | TYPE identifier IS typeSpec SEMI
    | SUBTYPE identifier IS dataType (RANGE expression DOUBLE_DOT expression)? (NOT NULL_)? SEMI
    | CURSOR identifier parameterList? (RETURN dataType)? (IS query)? SEMI
    | procedureDefinition
    | functionDefinition
    | identifier EXCEPTION SEMI
    | variableDeclaration
    ;

variableDeclaration
    : identifier CONSTANT? dataType (NOT NULL_)? ((ASSIGN | DEFAULT) condition)? SEMI
    ;

pragmaBody
    : AUTONOMOUS_TRANSACTION
    | SERIALLY_REUSABLE
    | EXCEPTION_INIT LPAREN identifier COMMA signedNumber RPAREN
    | RESTRICT_REFERENCES parenBlock
    | INLINE parenBlock
    | identifier parenBlock?
    ;

typeSpec
    : RECORD LPAREN recordField (COMMA recordField)* RPAREN
    | TABLE OF dataType (NOT NULL_)? (INDEX BY dataType)?
    | (VARRAY | VARYING ARRAY) LPAREN expression RPAREN OF dataType (NOT NULL_)?
    | REF CURSOR (RETURN dataType)?
    ;

recordField
    : identifier dataType (NOT NULL_)? ((ASSIGN | DEFAULT) condition)?
    ;

// ==================================================================================================== PL/SQL statements
statements
    : labeledStatement+
    ;

labeledStatement
    : label* plsqlStatement
    ;

label
    : LABEL_START labelName LABEL_END
    ;

labelName
    : identifier
    | OUTER
    | INNER
    | LEFT
    | RIGHT
    | FULL
    | CROSS
    | NATURAL
    | JOIN
    ;

plsqlStatement
    : ifStatement
    | caseStatement
    | loopStatement
    | forallStatement
    | EXIT labelName? (WHEN condition)? SEMI
    | CONTINUE labelName? (WHEN condition)? SEMI
    | GOTO labelName SEMI
    | NULL_ SEMI
    | RETURN condition? SEMI
    | RAISE qualifiedName? SEMI
    | executeImmediate SEMI
    | openStatement SEMI
    | fetchStatement SEMI
    | CLOSE variableRef SEMI
    | PIPE ROW LPAREN condition RPAREN SEMI
    | anonymousBlock
    | sqlStatement SEMI
    | variableRef (ASSIGN condition)? SEMI
    ;

ifStatement
    : IF condition THEN statements (ELSIF condition THEN statements)* (ELSE statements)? END IF SEMI
    ;

caseStatement
    : CASE expression? (WHEN condition THEN statements)+ (ELSE statements)? END CASE identifier? SEMI
    ;

loopStatement
    : ( WHILE condition
      | FOR identifier IN REVERSE? expression DOUBLE_DOT expression
      | FOR identifier IN LPAREN query RPAREN
      | FOR identifier IN variableRef
      )?
      LOOP statements END LOOP labelName? SEMI
    ;

forallStatement
    : FORALL identifier IN
      ( expression DOUBLE_DOT expression
      | INDICES OF variableRef (BETWEEN expression AND expression)?
      | VALUES OF variableRef
      )
      (SAVE EXCEPTIONS)?
      (insertStatement | updateStatement | deleteStatement | mergeStatement | executeImmediate) SEMI
    ;

executeImmediate
    : EXECUTE IMMEDIATE expression
      ( intoClause usingClause?
      | usingClause dynamicReturning?
      | dynamicReturning
      )?
    ;

dynamicReturning
    : (RETURNING | RETURN) intoClause
    ;

usingClause
    : USING usingArgument (COMMA usingArgument)*
    ;

usingArgument
    : (IN OUT? | OUT)? condition
    ;

openStatement
    : OPEN variableRef (FOR (query | expression) usingClause?)?
    ;

fetchStatement
    : FETCH variableRef intoClause (LIMIT expression)?
    ;

intoClause
    : (BULK COLLECT)? INTO variableRef (COMMA variableRef)*
    ;

// a (possibly qualified, indexed, called) reference: a, a.b, a(1).c, pkg.proc(x => 1), :new.col, c%ROWCOUNT
variableRef
    : (identifier | BIND_VARIABLE | SUBSTITUTION_VARIABLE) referenceSuffix*
    ;

referenceSuffix
    : DOT (identifier | DELETE | EXISTS | PRIOR | ROWID)
    | functionArguments
    | PERCENT_SIGN identifier
    | AT_SIGN identifier (DOT identifier)*
    ;

// ==================================================================================================== DML
insertStatement
    : INSERT (singleTableInsert | multiTableInsert)
    ;

singleTableInsert
    : insertIntoClause (valuesClause | query) returningClause? errorLoggingClause?
    ;

insertIntoClause
    : INTO dmlTarget columnList?
    ;

valuesClause
    : VALUES (LPAREN expressionList? RPAREN (COMMA LPAREN expressionList? RPAREN)* | variableRef)
    ;

multiTableInsert
    : ALL (insertIntoClause valuesClause? errorLoggingClause?)+ query
    | (ALL | FIRST) (WHEN condition THEN (insertIntoClause valuesClause? errorLoggingClause?)+)+
      (ELSE (insertIntoClause valuesClause? errorLoggingClause?)+)? query
    ;

updateStatement
    : UPDATE dmlTarget SET updateSetItem (COMMA updateSetItem)* whereClause? returningClause? errorLoggingClause?
    ;

updateSetItem
    : LPAREN qualifiedName (COMMA qualifiedName)* RPAREN EQUAL LPAREN query RPAREN
    | ROW EQUAL expression
    | qualifiedName EQUAL (DEFAULT | expression)
    ;

deleteStatement
    : DELETE FROM? dmlTarget whereClause? returningClause? errorLoggingClause?
    ;

mergeStatement
    : MERGE INTO dmlTarget USING tableFactor ON LPAREN condition RPAREN mergeClause+ errorLoggingClause?
    ;

mergeClause
    : WHEN MATCHED THEN UPDATE SET updateSetItem (COMMA updateSetItem)* whereClause? (DELETE whereClause)?
    | WHEN NOT MATCHED THEN INSERT columnList? VALUES LPAREN expressionList RPAREN whereClause?
    ;

dmlTarget
    : ( objectName (AT_SIGN dbLink)? (PARTITION LPAREN identifier RPAREN)?
      | LPAREN query RPAREN
      | TABLE LPAREN expression RPAREN
      )
      tableAlias?
    ;

returningClause
    : (RETURNING | RETURN) expressionList intoClause
    ;

errorLoggingClause
    : LOG ERRORS (INTO objectName)? (LPAREN expression RPAREN)? (REJECT_WORD=identifier LIMIT (NUMERIC_LITERAL | UNLIMITED))?
    ;

lockTableStatement
    : LOCK TABLE objectName (COMMA objectName)* IN identifier+ MODE (NOWAIT | WAIT NUMERIC_LITERAL)?
    ;

transactionStatement
    : COMMIT WORK? (COMMENT stringLiteral | WRITE identifier*)?
    | ROLLBACK WORK? (TO SAVEPOINT? identifier)?
    | SAVEPOINT identifier
    | SET TRANSACTION (~SEMI)*
    | SET CONSTRAINTS (~SEMI)*
    | SET ROLE (~SEMI)*
    ;

// ==================================================================================================== queries
query
    : withClause? queryExpression orderByClause? rowLimitingClause? forUpdateClause?
    ;

withClause
    : WITH (functionDefinition | procedureDefinition)* commonTableExpression (COMMA commonTableExpression)*
    ;

commonTableExpression
    : identifier columnList? AS LPAREN query RPAREN searchClause? cycleClause?
    ;

searchClause
    : SEARCH_WORD=identifier (DEPTH_WORD=identifier | BREADTH_WORD=identifier) FIRST BY orderByItem (COMMA orderByItem)* SET identifier
    ;

cycleClause
    : CYCLE identifier (COMMA identifier)* SET identifier TO expression DEFAULT expression
    ;

queryExpression
    : queryTerm (setOperator queryTerm)*
    ;

setOperator
    : UNION ALL?
    | INTERSECT ALL?
    | MINUS ALL?
    | EXCEPT ALL?
    ;

queryTerm
    : querySpecification
    | LPAREN query RPAREN
    ;

querySpecification
    : SELECT (DISTINCT | UNIQUE | ALL)? selectList intoClause?
      (FROM tableReference (COMMA tableReference)*)?
      whereClause?
      hierarchicalClause?
      groupByClause?
      havingClause?
      windowClause?
    ;

selectList
    : selectItem (COMMA selectItem)*
    ;

selectItem
    : STAR
    | qualifiedName DOT STAR
    | expression (AS? columnAlias)?
    ;

columnAlias
    : identifier
    | stringLiteral
    ;

tableReference
    : tableFactor joinClause*
    ;

joinClause
    : (INNER | CROSS | NATURAL (INNER | (LEFT | RIGHT | FULL) OUTER?)? | (LEFT | RIGHT | FULL) OUTER?)? JOIN tableFactor
      (ON condition | USING columnList)?
    | (CROSS | OUTER) APPLY tableFactor
    ;

tableFactor
    : ( LPAREN query RPAREN
      | LPAREN tableReference RPAREN
      | LATERAL LPAREN query RPAREN
      | TABLE LPAREN expression RPAREN OUTER_JOIN?
      | jsonTable
      | ONLY LPAREN objectName RPAREN
      | qualifiedName functionArguments
      | objectName (AT_SIGN dbLink)? partitionExtension? sampleClause? flashbackClause?
      )
      pivotClause?
      tableAlias?
    ;

sampleClause
    : SAMPLE BLOCK_WORD=identifier? LPAREN NUMERIC_LITERAL RPAREN (SEED_WORD=identifier LPAREN NUMERIC_LITERAL RPAREN)?
    ;

// PIVOT / UNPIVOT are accepted and kept opaque
pivotClause
    : (PIVOT | UNPIVOT) identifier? ((INCLUDE_WORD=identifier | EXCEPT) NULLS)? parenBlock
    ;

partitionExtension
    : (PARTITION | SUBPARTITION) (LPAREN identifier RPAREN | FOR LPAREN expressionList RPAREN)
    ;

flashbackClause
    : AS OF (TIMESTAMP | SCN_WORD=identifier) expression
    ;

tableAlias
    : AS? identifier
    ;

jsonTable
    : JSON_TABLE LPAREN expression (FORMAT JSON)? (COMMA stringLiteral)? jsonOnClause* jsonColumnsClause RPAREN
    ;

jsonColumnsClause
    : COLUMNS LPAREN jsonColumn (COMMA jsonColumn)* RPAREN
    ;

jsonColumn
    : NESTED PATH? stringLiteral jsonColumnsClause
    | identifier FOR ORDINALITY
    | identifier dataType? (FORMAT JSON)? EXISTS? (PATH stringLiteral)? jsonWrapper? jsonOnClause*
    ;

jsonWrapper
    : (WITH | WITHOUT) (ARRAY_KW=ARRAY)? (CONDITIONAL | UNCONDITIONAL)? WRAPPER
    ;

jsonOnClause
    : (ERROR | NULL_ | EMPTY (ARRAY | OBJECT)? | TRUE | FALSE | DEFAULT expression) ON (ERROR | EMPTY | identifier)
    ;

dbLink
    : identifier (DOT identifier)*
    ;

whereClause
    : WHERE (CURRENT OF identifier | condition)
    ;

hierarchicalClause
    : START WITH condition CONNECT BY NOCYCLE? condition
    | CONNECT BY NOCYCLE? condition (START WITH condition)?
    ;

groupByClause
    : GROUP BY groupingElement (COMMA groupingElement)*
    ;

groupingElement
    : ROLLUP LPAREN groupingElement (COMMA groupingElement)* RPAREN
    | CUBE LPAREN groupingElement (COMMA groupingElement)* RPAREN
    | GROUPING SETS LPAREN groupingElement (COMMA groupingElement)* RPAREN
    | LPAREN RPAREN
    | expression
    ;

havingClause
    : HAVING condition
    ;

windowClause
    : WINDOW_WORD=identifier identifier AS LPAREN analyticBody RPAREN
    ;

orderByClause
    : ORDER SIBLINGS? BY orderByItem (COMMA orderByItem)*
    ;

orderByItem
    : expression (ASC | DESC)? (NULLS (FIRST | LAST))?
    ;

rowLimitingClause
    : OFFSET expression (ROW | ROWS)
      (FETCH (FIRST | NEXT) (expression PERCENT?)? (ROW | ROWS) (ONLY | WITH TIES))?
    | FETCH (FIRST | NEXT) (expression PERCENT?)? (ROW | ROWS) (ONLY | WITH TIES)
    ;

forUpdateClause
    : FOR UPDATE (OF qualifiedName (COMMA qualifiedName)*)? (NOWAIT | WAIT NUMERIC_LITERAL | SKIP_ LOCKED_WORD=identifier)?
    ;

// ==================================================================================================== conditions and expressions
condition
    : NOT condition                                               # notCondition
    | condition AND condition                                     # andCondition
    | condition OR condition                                      # orCondition
    | predicate                                                   # predicateCondition
    ;

predicate
    : EXISTS LPAREN query RPAREN
    | expression predicateTail?
    ;

predicateTail
    : comparisonOperator (ANY | SOME | ALL) LPAREN (query | expressionList) RPAREN
    | comparisonOperator expression
    | IS NOT? ( NULL_ | NAN | INFINITE | EMPTY | A SET | JSON (FORMAT JSON)? (identifier)*
              | OF TYPE? LPAREN ONLY? typeName (COMMA ONLY? typeName)* RPAREN
              | TRUE | FALSE )
    | NOT? IN (LPAREN (query | expressionList) RPAREN | expression)
    | NOT? BETWEEN expression AND expression
    | NOT? (LIKE | LIKEC | LIKE2 | LIKE4) expression (ESCAPE expression)?
    | NOT? MEMBER OF? expression
    | NOT? SUBMULTISET OF? expression
    ;

comparisonOperator
    : EQUAL
    | NOT_EQUAL
    | LESS
    | GREATER
    | LESS_EQUAL
    | GREATER_EQUAL
    | LESS GREATER
    ;

expression
    : (PLUS | MINUS_SIGN) expression                              # unaryExpression
    | PRIOR expression                                            # priorExpression
    | CONNECT_BY_ROOT expression                                  # connectByRootExpression
    | expression (STAR | SLASH) expression                        # multiplicativeExpression
    | expression (PLUS | MINUS_SIGN) expression                   # additiveExpression
    | expression CONCAT expression                                # concatExpression
    | expression AT (LOCAL | TIME ZONE expression)                # atTimeZoneExpression
    | expression MULTISET (UNION | INTERSECT | EXCEPT) (ALL | DISTINCT)? expression  # multisetExpression
    | primary                                                     # primaryExpression
    ;

primary
    : literal                                                     # literalPrimary
    | LPAREN query RPAREN                                         # scalarSubquery
    | LPAREN condition (COMMA condition)* RPAREN                  # parenthesized
    | caseExpression                                              # casePrimary
    | CAST LPAREN (MULTISET LPAREN query RPAREN | expression) AS dataType RPAREN  # castPrimary
    | EXTRACT LPAREN identifier FROM expression RPAREN            # extractPrimary
    | TREAT LPAREN expression AS REF? dataType RPAREN             # treatPrimary
    | TRIM LPAREN ((LEADING | TRAILING | BOTH) expression? FROM | expression FROM)? expression RPAREN  # trimPrimary
    | MULTISET LPAREN query RPAREN                                # multisetPrimary
    | CURSOR LPAREN query RPAREN                                  # cursorPrimary
    | NEW typeName functionArguments                              # constructorPrimary
    | ROWNUM                                                      # rownumPrimary
    | ROWID                                                       # rowidPrimary
    | LEVEL                                                       # levelPrimary
    | SQL PERCENT_SIGN identifier (LPAREN expression RPAREN)?     # sqlAttributePrimary
    | QUESTION                                                    # placeholderPrimary
    | INQUIRY_DIRECTIVE                                           # inquiryDirectivePrimary
    | reference                                                   # referencePrimary
    ;

// column / variable / function / method / sequence / cursor attribute reference
reference
    : (identifier | BIND_VARIABLE | SUBSTITUTION_VARIABLE) referenceSuffix* OUTER_JOIN?
      withinGroupClause? keepClause? overClause?
    ;

functionArguments
    : LPAREN
      ( STAR
      | (DISTINCT | UNIQUE | ALL)? argument (COMMA argument)* argumentOption* orderByClause? argumentOption*
      )?
      RPAREN
    ;

argument
    : (identifier ARROW)? KEY? condition (AS identifier | VALUE condition)?
    ;

// trailing clauses of built-in functions (LISTAGG, JSON_VALUE, CHR ... USING NCHAR_CS, etc.)
argumentOption
    : ON OVERFLOW (ERROR | TRUNCATE stringLiteral? ((WITH | WITHOUT) COUNT)?)
    | RETURNING dataType
    | FORMAT JSON
    | USING identifier
    | jsonWrapper
    | jsonOnClause
    | PRETTY
    | ASCII
    | NULL_ ON NULL_
    | ABSENT_WORD=identifier ON NULL_
    | DEFAULT expression ON identifier identifier
    | PASSING (BY VALUE)? expression (AS identifier)? (COMMA expression (AS identifier)?)*
    | COLUMNS xmlColumn (COMMA xmlColumn)*
    ;

// XMLTABLE column definitions
xmlColumn
    : identifier FOR ORDINALITY
    | identifier dataType (PATH stringLiteral)? (DEFAULT expression)?
    ;

withinGroupClause
    : WITHIN GROUP LPAREN orderByClause RPAREN
    ;

keepClause
    : KEEP LPAREN DENSE_RANK (FIRST | LAST) orderByClause RPAREN
    ;

overClause
    : OVER (LPAREN analyticBody RPAREN | identifier)
    ;

analyticBody
    : identifier? (PARTITION BY expressionList)? orderByClause? windowingClause?
    ;

windowingClause
    : (ROWS | RANGE | GROUPS_WORD=identifier) (BETWEEN windowBound AND windowBound | windowBound)
      (EXCLUDE_WORD=identifier (CURRENT ROW | GROUP | TIES | NO OTHERS))?
    ;

windowBound
    : UNBOUNDED (PRECEDING | FOLLOWING)
    | CURRENT ROW
    | expression (PRECEDING | FOLLOWING)
    ;

caseExpression
    : CASE expression? (WHEN condition THEN condition)+ (ELSE condition)? END
    ;

expressionList
    : condition (COMMA condition)*
    ;

literal
    : stringLiteral
    | NUMERIC_LITERAL
    | NULL_
    | TRUE
    | FALSE
    | DATE STRING
    | TIMESTAMP STRING
    | INTERVAL (STRING | NUMERIC_LITERAL | reference) intervalQualifier
    ;

intervalQualifier
    : (YEAR | MONTH | DAY | identifier | SECOND) (LPAREN NUMERIC_LITERAL (COMMA NUMERIC_LITERAL)? RPAREN)?
      (TO (YEAR | MONTH | DAY | identifier | SECOND) (LPAREN NUMERIC_LITERAL RPAREN)?)?
    ;

stringLiteral
    : STRING
    | NATIONAL_STRING
    | Q_STRING
    ;

// ==================================================================================================== data types
dataType
    : NUMBER (LPAREN (STAR | signedNumber) (COMMA signedNumber)? RPAREN)?
    | (FLOAT | DEC | DECIMAL | NUMERIC) (LPAREN NUMERIC_LITERAL (COMMA signedNumber)? RPAREN)?
    | (VARCHAR2 | VARCHAR | NVARCHAR2 | CHAR | NCHAR | CHARACTER VARYING? | RAW | UROWID) (LPAREN NUMERIC_LITERAL (BYTE | CHAR)? RPAREN)?
      (CHARACTER SET identifier PERCENT_SIGN? identifier?)?
    | LONG RAW?
    | DATE
    | TIMESTAMP (LPAREN NUMERIC_LITERAL RPAREN)? (WITH LOCAL? TIME ZONE)?
    | INTERVAL YEAR (LPAREN NUMERIC_LITERAL RPAREN)? TO MONTH
    | INTERVAL DAY (LPAREN NUMERIC_LITERAL RPAREN)? TO SECOND (LPAREN NUMERIC_LITERAL RPAREN)?
    | BINARY_FLOAT
    | BINARY_DOUBLE
    | DOUBLE PRECISION
    | INTEGER
    | INT
    | SMALLINT
    | REAL
    | CLOB (CHARACTER SET identifier)?
    | NCLOB
    | BLOB
    | BFILE
    | ROWID
    | XMLTYPE
    | JSON
    | BOOLEAN
    | PLS_INTEGER
    | BINARY_INTEGER
    | SIMPLE_INTEGER
    | NATURAL
    | NATURALN
    | POSITIVE
    | POSITIVEN
    | SIGNTYPE
    | REF CURSOR
    | REF typeName
    | typeName PERCENT_SIGN (TYPE | ROWTYPE)
    | typeName (LPAREN NUMERIC_LITERAL (COMMA NUMERIC_LITERAL)? RPAREN)?
    ;

typeName
    : identifier (DOT identifier)* (AT_SIGN dbLink)?
    ;

// ==================================================================================================== other statements
createOther
    : CREATE (OR REPLACE)? ( USER | ROLE | TABLESPACE | DIRECTORY | PUBLIC? DATABASE LINK | DATABASE | PROFILE | CLUSTER
                           | MATERIALIZED VIEW LOG | SCHEMA ) (~SEMI)*
    ;

alterTable
    : ALTER TABLE objectName alterTableAction (COMMA? alterTableAction)*
    ;

alterTableAction
    : ADD LPAREN relationalProperty (COMMA relationalProperty)* RPAREN
    | ADD outOfLineConstraint
    | ADD columnDefinition
    | MODIFY LPAREN modifyColumn (COMMA modifyColumn)* RPAREN
    | MODIFY CONSTRAINT identifier constraintState+
    | MODIFY PRIMARY KEY constraintState+
    | MODIFY UNIQUE columnList constraintState+
    | MODIFY modifyColumn
    | DROP COLUMN identifier (CASCADE CONSTRAINTS)?
    | DROP columnList (CASCADE CONSTRAINTS)?
    | DROP CONSTRAINT identifier CASCADE? ((KEEP | DROP) INDEX)?
    | DROP PRIMARY KEY CASCADE? ((KEEP | DROP) INDEX)?
    | DROP UNIQUE columnList CASCADE? ((KEEP | DROP) INDEX)?
    | RENAME COLUMN identifier TO identifier
    | RENAME CONSTRAINT identifier TO identifier
    | RENAME TO identifier
    | (ENABLE | DISABLE) (VALIDATE | NOVALIDATE)?
      (CONSTRAINT identifier | PRIMARY KEY | UNIQUE columnList | ALL TRIGGERS | TABLE LOCK) CASCADE? ((KEEP | DROP) INDEX)?
    | (ENABLE | DISABLE) ROW MOVEMENT
    | READ (ONLY | WRITE)
    | MOVE physicalClause*
    | ADD PARTITION (~SEMI)*
    | (DROP | TRUNCATE | SPLIT_WORD=identifier) (PARTITION | SUBPARTITION) (~SEMI)*
    | physicalClause
    ;

modifyColumn
    : identifier dataType? (VISIBLE | INVISIBLE)? (DEFAULT (ON NULL_)? expression | identityClause | DROP IDENTITY)?
      inlineConstraint*
    ;

alterOther
    : ALTER ( SESSION | SYSTEM | USER | TRIGGER | INDEX | SEQUENCE | VIEW | PROCEDURE | FUNCTION | PACKAGE | TYPE
            | DATABASE | MATERIALIZED | TABLESPACE | ROLE | PROFILE | SYNONYM ) (~SEMI)*
    ;

dropStatement
    : DROP ( TABLE | INDEX | VIEW | SEQUENCE | PUBLIC? SYNONYM | PROCEDURE | FUNCTION | PACKAGE BODY? | TRIGGER
           | TYPE BODY? | MATERIALIZED VIEW LOG? | USER | ROLE | TABLESPACE | DIRECTORY | PUBLIC? DATABASE LINK )
      ifExists? objectName (ON objectName)?
      (CASCADE CONSTRAINTS? | PURGE | FORCE | VALIDATE | INCLUDING_WORD=identifier identifier*)*
    ;

grantStatement
    : GRANT grantItem (COMMA grantItem)* (ON (DIRECTORY | JAVA_WORD=identifier)? objectName)? TO grantee (COMMA grantee)*
      (WITH (GRANT | identifier) OPTION)* (IDENTIFIED BY identifier)?
    ;

revokeStatement
    : REVOKE grantItem (COMMA grantItem)* (ON (DIRECTORY | JAVA_WORD=identifier)? objectName)? FROM grantee (COMMA grantee)*
      (CASCADE CONSTRAINTS | FORCE)?
    ;

grantItem
    : (~(ON | TO | FROM | COMMA | LPAREN | SEMI) | parenBlock)+
    ;

grantee
    : PUBLIC
    | identifier
    ;

truncateStatement
    : TRUNCATE TABLE objectName (~SEMI)*
    ;

renameStatement
    : RENAME objectName TO objectName
    ;

callStatement
    : CALL variableRef (INTO variableRef)?
    ;

opaqueStatement
    : (ANALYZE | AUDIT | NOAUDIT | FLASHBACK | PURGE | EXPLAIN PLAN) (~SEMI)*
    ;

// ==================================================================================================== names
objectName
    : identifier (DOT identifier)?
    ;

qualifiedName
    : identifier (DOT identifier)*
    ;

identifier
    : IDENTIFIER
    | QUOTED_IDENTIFIER
    | SUBSTITUTION_VARIABLE
    | nonReservedKeyword
    ;

// keywords that may be used as names (generated list; reserved words and clause starters are left out)
nonReservedKeyword
    : AT
    | PASSING
    | PIVOT
    | UNPIVOT
    | SAMPLE
    | LESS_KW
    | ACCESSIBLE
    | ADD
    | AFTER
    | AGENT
    | ALWAYS
    | ARRAY
    | AUTHID
    | AUTONOMOUS_TRANSACTION
    | BEFORE
    | BFILE
    | BINARY_DOUBLE
    | BINARY_FLOAT
    | BINARY_INTEGER
    | BITMAP
    | BLOB
    | BODY
    | BOOLEAN
    | BOTH
    | BUILD
    | BYTE
    | CACHE
    | CASCADE
    | CAST
    | CHAR
    | CHARACTER
    | CLOB
    | CLOSE
    | COLLECT
    | COLUMN
    | COLUMNS
    | COMMENT
    | COMMIT
    | COMPOUND
    | COMPRESS
    | CONSTANT
    | CONSTRAINTS
    | CONSTRUCTOR
    | CONTINUE
    | COUNT
    | CUBE
    | CURRENT
    | CURRENT_USER
    | CYCLE
    | DAY
    | DEC
    | DECIMAL
    | DEFERRABLE
    | DEFERRED
    | DEFINER
    | DENSE_RANK
    | DETERMINISTIC
    | DISABLE
    | DOUBLE
    | EACH
    | EDITIONABLE
    | EDITIONING
    | EMPTY
    | ENABLE
    | ERROR
    | ERRORS
    | ESCAPE
    | EXCEPTION_INIT
    | EXCEPTIONS
    | EXCLUSIVE
    | EXECUTE
    | EXIT
    | EXTEND
    | EXTERNAL
    | EXTRACT
    | FALSE
    | FAST
    | FINAL
    | FIRST
    | FLOAT
    | FOLLOWING
    | FOLLOWS
    | FORCE
    | GENERATED
    | GLOBAL
    | GROUPING
    | HASH
    | IDENTIFIED
    | IDENTITY
    | IGNORE
    | IMMEDIATE
    | INCREMENT
    | INDEX
    | INDEXED
    | INITIALLY
    | INOUT
    | INSTANTIABLE
    | INSTEAD
    | INT
    | INTEGER
    | ISOPEN
    | JSON
    | KEEP
    | KEY
    | LANGUAGE
    | LAST
    | LEADING
    | LIKE2
    | LIKE4
    | LIKEC
    | LIMIT
    | LIST
    | LOB
    | LOCAL
    | LOCK
    | LOG
    | LOGGING
    | LONG
    | MAP
    | MATCHED
    | MATERIALIZED
    | MAXVALUE
    | MEMBER
    | MERGE
    | MINVALUE
    | MODE
    | MODIFY
    | MONTH
    | NATURALN
    | NCHAR
    | NCLOB
    | NESTED
    | NEXT
    | NO
    | NOCACHE
    | NOCOMPRESS
    | NOCOPY
    | NOCYCLE
    | NOFORCE
    | NOLOGGING
    | NOMAXVALUE
    | NOMINVALUE
    | NONE
    | NONEDITIONABLE
    | NOORDER
    | NOTFOUND
    | NOVALIDATE
    | NOWAIT
    | NULLS
    | NUMERIC
    | NVARCHAR2
    | OBJECT
    | OLD
    | ONLY
    | OPEN
    | OPTION
    | ORGANIZATION
    | OTHERS
    | OUT
    | OVERFLOW
    | OVERRIDING
    | PACKAGE
    | PARALLEL_ENABLE
    | PARENT
    | PARTITION
    | PARTITIONS
    | PATH
    | PCTFREE
    | PERCENT
    | PIPE
    | PIPELINED
    | PLS_INTEGER
    | POSITIVE
    | POSITIVEN
    | PRECEDES
    | PRECEDING
    | PRECISION
    | PRESERVE
    | PUBLIC
    | PURGE
    | RAISE
    | RANGE
    | RAW
    | READ
    | REAL
    | RECORD
    | REF
    | REFERENCING
    | REFRESH
    | RELIES_ON
    | RENAME
    | REPLACE
    | RESULT_CACHE
    | REVERSE
    | REVOKE
    | ROLLBACK
    | ROLLUP
    | ROW
    | ROWS
    | ROWTYPE
    | SAVE
    | SAVEPOINT
    | SECOND
    | SELF
    | SEQUENCE
    | SERIALLY_REUSABLE
    | SESSION
    | SETS
    | SHARE
    | SIBLINGS
    | SIGNTYPE
    | SIMPLE_INTEGER
    | SKIP_
    | SMALLINT
    | SOME
    | STATEMENT
    | STATIC
    | STORAGE
    | STORE
    | SYNONYM
    | TABLESPACE
    | TEMPORARY
    | TIES
    | TIME
    | TIMESTAMP
    | TRAILING
    | TRANSACTION
    | TREAT
    | TRIGGER
    | TRIM
    | TRUE
    | TRUNCATE
    | TYPE
    | UNBOUNDED
    | UNDER
    | UROWID
    | USER
    | VALIDATE
    | VALUE
    | VARCHAR
    | VARCHAR2
    | VARRAY
    | VARYING
    | VIRTUAL
    | VISIBLE
    | INVISIBLE
    | WAIT
    | WITHOUT
    | WORK
    | WRAPPED
    | WRITE
    | XMLTYPE
    | YEAR
    | ZONE
    | A
    | ACCESS
    | ANALYZE
    | APPLY
    | ASCII
    | AUDIT
    | AUTOMATIC
    | BASICFILE
    | BEQUEATH
    | BULK_EXCEPTIONS
    | BULK_ROWCOUNT
    | CALL
    | CHUNK
    | CLUSTER
    | COLLATE
    | COMPLETE
    | COMPUTE
    | CONDITIONAL
    | CONTAINER
    | DATA
    | DATABASE
    | DEMAND
    | DIRECTORY
    | DUPLICATED
    | ENCRYPT
    | EXPLAIN
    | FLASHBACK
    | FORMAT
    | FOUND
    | HEAP
    | INDICES
    | INFINITE
    | INLINE
    | LATERAL
    | LINK
    | MATCH
    | MOVE
    | MOVEMENT
    | MULTISET
    | NAN
    | NEVER
    | NEW
    | NOAUDIT
    | NOKEEP
    | NOPARALLEL
    | NORELY
    | NOSCALE
    | OID
    | ONLINE
    | ORDINALITY
    | PARALLEL
    | PERSISTABLE
    | PLAN
    | PREBUILT
    | PRETTY
    | PRIVATE
    | PROFILE
    | QUERY
    | REFERENCE
    | RELY
    | RESTRICT_REFERENCES
    | RESULT
    | REWRITE
    | ROLE
    | ROWCOUNT
    | SCALE
    | SCHEMA
    | SECUREFILE
    | SEGMENT
    | SHARDED
    | SHARING
    | SHRINK
    | SORT
    | SPACE
    | SQL
    | STATISTICS
    | SUBMULTISET
    | SUBPARTITION
    | SUBPARTITIONS
    | SYSTEM
    | TEMPLATE
    | THAN
    | TIMING
    | TRIGGERS
    | UNCONDITIONAL
    | UNLIMITED
    | WRAPPER
    ;
