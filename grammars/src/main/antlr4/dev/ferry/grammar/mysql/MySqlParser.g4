/*
 * Ferry's own MySQL / MariaDB parser grammar (written for Ferry from the MySQL 8 and MariaDB 10/11 reference
 * manuals). One invocation parses ONE statement: the statement delimiter and client commands are handled by
 * dev.ferry.converter.parse.mysql.MySqlScript.
 */
parser grammar MySqlParser;

options { tokenVocab = MySqlLexer; }

// package dev.ferry.grammar.mysql: added by antlr4-maven-plugin from the folder (an explicit @header would duplicate it)

// ======================================================================= entry points
script
    : SEMI* ( sqlStatement SEMI* )? EOF
    ;

sqlStatement
    : createTable
    | createIndex
    | createView
    | createProcedure
    | createFunction
    | createTrigger
    | createEvent
    | createDatabase
    | alterTable
    | alterDatabase
    | dropStatement
    | renameTable
    | truncateTable
    | selectStatement
    | insertStatement
    | updateStatement
    | deleteStatement
    | setStatement
    | useStatement
    | lockTables
    | unlockTables
    | transactionStatement
    | beginWork
    | callStatement
    | prepareStatement
    | executeStatement
    | deallocateStatement
    | doStatement
    | anonymousBlock
    | otherStatement
    ;

// Statements Ferry only needs to recognise (their text is kept, never converted).
otherStatement
    : ( FLUSH | SHOW | GRANT | REVOKE | ANALYZE | OPTIMIZE | REPAIR | CHECKSUM | KILL | PURGE | EXPLAIN | DESCRIBE | DESC
      | LOAD | HANDLER | INSTALL | UNINSTALL | XA | CACHE | RESET | HELP | BINLOG | SHUTDOWN | STOP | RESTART | IMPORT
      | CLONE | CHECK | CHANGE | START ( SLAVE | REPLICA ) ) ~SEMI*
    | ( CREATE | ALTER | DROP ) ( USER | ROLE | SERVER | TABLESPACE | SEQUENCE | LOGFILE | RESOURCE ) ~SEMI*
    | ALTER ( VIEW | PROCEDURE | FUNCTION | EVENT | definerClause | ALGORITHM ) ~SEMI*
    | SET PASSWORD ~SEMI*
    ;

beginWork
    : BEGIN WORK?
    ;

// MariaDB: BEGIN NOT ATOMIC ... END outside a routine.
anonymousBlock
    : BEGIN NOT ATOMIC routineStatementList END
    ;

// ======================================================================= identifiers and names
id
    : IDENTIFIER
    | BACKTICK_ID
    | DQ_IDENTIFIER
    | nonReservedKeyword
    ;

// A possibly qualified object name: name, schema.name
fullId
    : id ( DOT dottedId )?
    ;

dottedId
    : id
    | reservedKeyword
    ;

tableName
    : fullId
    ;

columnRef
    : id ( DOT dottedId ( DOT dottedId )? )?
    ;

idList
    : id ( COMMA id )*
    ;

tableNameList
    : tableName ( COMMA tableName )*
    ;

charsetName
    : id | stringLiteralSimple | BINARY | DEFAULT
    ;

collationName
    : id | stringLiteralSimple | BINARY
    ;

userName
    : ( id | stringLiteralSimple ) USER_VARIABLE?
    | CURRENT_USER ( LPAREN RPAREN )?
    ;

definerClause
    : DEFINER EQ userName
    ;

ifExists
    : IF EXISTS
    ;

ifNotExists
    : IF NOT EXISTS
    ;

alias
    : id | stringLiteralSimple
    ;

// ======================================================================= CREATE TABLE
createTable
    : CREATE ( OR REPLACE )? TEMPORARY? TABLE ifNotExists? tableName createTableBody
    ;

createTableBody
    : LPAREN tableElement ( COMMA tableElement )* RPAREN tableOptions? partitionClause? ( ( IGNORE | REPLACE )? AS? queryExpression )?   #createTableColumns
      | tableOptions? partitionClause? ( IGNORE | REPLACE )? AS? queryExpression                                                          #createTableAsSelect
      | LIKE tableName                                                                                                                  #createTableLike
      | LPAREN LIKE tableName RPAREN                                                                                                    #createTableLike2
    ;

tableElement
    : columnDefinition
    | tableConstraint
    | periodDefinition
    ;

// MariaDB system-versioned / application-time period tables
periodDefinition
    : PERIOD FOR ( SYSTEM_TIME | id ) LPAREN id COMMA id RPAREN
    ;

columnDefinition
    : id dataType columnAttribute*
    ;

columnAttribute
    : NOT? NULL                                                                    #nullAttribute
    | DEFAULT defaultValue                                                         #defaultAttribute
    | ON UPDATE currentTimestamp                                                   #onUpdateAttribute
    | AUTO_INCREMENT                                                               #autoIncrementAttribute
    | SERIAL DEFAULT VALUE                                                         #serialDefaultValueAttribute
    | PRIMARY? KEY                                                                 #primaryKeyAttribute
    | UNIQUE KEY?                                                                  #uniqueAttribute
    | COMMENT stringLiteral                                                        #commentAttribute
    | COLLATE collationName                                                        #collateAttribute
    | ( CHARACTER SET | CHARSET ) charsetName                                      #charsetAttribute
    | ( GENERATED ALWAYS )? AS LPAREN expression RPAREN ( VIRTUAL | STORED | PERSISTENT )?   #generatedAttribute
    | GENERATED ALWAYS AS ROW ( START | END )                                      #rowStartEndAttribute
    | ( WITH | WITHOUT ) SYSTEM VERSIONING                                         #versioningAttribute
    | INVISIBLE                                                                    #invisibleAttribute
    | VISIBLE                                                                      #visibleAttribute
    | ( CONSTRAINT id? )? CHECK LPAREN expression RPAREN ( NOT? ENFORCED )?        #checkAttribute
    | referenceDefinition                                                          #referencesAttribute
    | COLUMN_FORMAT ( FIXED | DYNAMIC | DEFAULT | COMPRESSED )                     #columnFormatAttribute
    | STORAGE ( DISK | MEMORY | DEFAULT )                                          #storageAttribute
    | SRID INTEGER_LITERAL                                                         #sridAttribute
    ;

defaultValue
    : NULL
    | ( PLUS | MINUS )? numericLiteral
    | literal
    | currentTimestamp
    | LPAREN expression RPAREN
    | functionCall
    ;

currentTimestamp
    : ( CURRENT_TIMESTAMP | LOCALTIMESTAMP | LOCALTIME ) ( LPAREN INTEGER_LITERAL? RPAREN )?
    | id LPAREN INTEGER_LITERAL? RPAREN
    ;

tableConstraint
    : ( CONSTRAINT id? )? PRIMARY KEY indexName? indexType? keyParts indexOption*                  #primaryKeyConstraint
    | ( CONSTRAINT id? )? UNIQUE ( INDEX | KEY )? indexName? indexType? keyParts indexOption*      #uniqueConstraint
    | ( CONSTRAINT id? )? FOREIGN KEY indexName? keyParts referenceDefinition                      #foreignKeyConstraint
    | ( CONSTRAINT id? )? CHECK LPAREN expression RPAREN ( NOT? ENFORCED )?                        #checkConstraint
    | ( INDEX | KEY ) ifNotExists? indexName? indexType? keyParts indexOption*                     #indexDefinition
    | ( FULLTEXT | SPATIAL ) ( INDEX | KEY )? indexName? keyParts indexOption*                     #specialIndexDefinition
    ;

indexName
    : id
    ;

keyParts
    : LPAREN keyPart ( COMMA keyPart )* RPAREN
    ;

keyPart
    : ( id ( LPAREN INTEGER_LITERAL RPAREN )? | LPAREN expression RPAREN ) ( ASC | DESC )?
    ;

indexType
    : USING ( BTREE | HASH | RTREE )
    ;

indexOption
    : KEY_BLOCK_SIZE EQ? INTEGER_LITERAL
    | indexType
    | WITH PARSER id
    | COMMENT stringLiteral
    | VISIBLE
    | INVISIBLE
    | IGNORED
    ;

referenceDefinition
    : REFERENCES tableName keyParts? ( MATCH ( FULL | PARTIAL | SIMPLE ) )? referenceTrigger*
    ;

referenceTrigger
    : ON ( DELETE | UPDATE ) referenceAction
    ;

referenceAction
    : RESTRICT
    | CASCADE
    | SET NULL
    | SET DEFAULT
    | NO ACTION
    ;

tableOptions
    : tableOption ( COMMA? tableOption )*
    ;

tableOption
    : ENGINE EQ? ( id | stringLiteralSimple )                                    #engineOption
    | AUTO_INCREMENT EQ? INTEGER_LITERAL                                          #autoIncrementOption
    | DEFAULT? ( CHARACTER SET | CHARSET ) EQ? charsetName                       #charsetOption
    | DEFAULT? COLLATE EQ? collationName                                          #collateOption
    | COMMENT EQ? stringLiteral                                                   #commentOption
    | UNION EQ? LPAREN tableNameList RPAREN                                       #unionOption
    | ( DATA | INDEX ) DIRECTORY EQ? stringLiteral                                #directoryOption
    | TABLESPACE id ( STORAGE ( DISK | MEMORY ) )?                                #tablespaceOption
    | WITH SYSTEM VERSIONING                                                      #systemVersioningOption
    | ( ROW_FORMAT | KEY_BLOCK_SIZE | AVG_ROW_LENGTH | MAX_ROWS | MIN_ROWS | PACK_KEYS | STATS_AUTO_RECALC
      | STATS_PERSISTENT | STATS_SAMPLE_PAGES | CHECKSUM | DELAY_KEY_WRITE | COMPRESSION | ENCRYPTION
      | CONNECTION | INSERT_METHOD | PAGE_CHECKSUM | TRANSACTIONAL | PASSWORD | id ) EQ? optionValue   #genericTableOption
    ;

optionValue
    : id | stringLiteralSimple | INTEGER_LITERAL | DECIMAL_LITERAL | DEFAULT | ON | FIXED | DYNAMIC | COMPRESSED | COMPACT | REDUNDANT | NO
    ;

partitionClause
    : PARTITION BY partitionFunction ( PARTITIONS INTEGER_LITERAL )?
      ( SUBPARTITION BY partitionFunction ( SUBPARTITIONS INTEGER_LITERAL )? )?
      ( LPAREN partitionDefinition ( COMMA partitionDefinition )* RPAREN )?
    ;

partitionFunction
    : LINEAR? HASH LPAREN expression RPAREN                                       #hashPartitioning
    | LINEAR? KEY ( ALGORITHM EQ INTEGER_LITERAL )? LPAREN idList? RPAREN        #keyPartitioning
    | RANGE ( LPAREN expression RPAREN | COLUMNS LPAREN idList RPAREN )           #rangePartitioning
    | LIST ( LPAREN expression RPAREN | COLUMNS LPAREN idList RPAREN )            #listPartitioning
    | SYSTEM_TIME ( INTERVAL expression intervalUnit )?                          #systemTimePartitioning
    ;

partitionDefinition
    : ( PARTITION | SUBPARTITION ) id
      ( VALUES ( LESS THAN ( LPAREN partitionValue ( COMMA partitionValue )* RPAREN | MAXVALUE )
               | IN LPAREN partitionValue ( COMMA partitionValue )* RPAREN ) )?
      partitionOption*
      ( LPAREN partitionDefinition ( COMMA partitionDefinition )* RPAREN )?
    ;

partitionValue
    : MAXVALUE
    | expression
    ;

partitionOption
    : STORAGE? ENGINE EQ? id
    | COMMENT EQ? stringLiteral
    | ( DATA | INDEX ) DIRECTORY EQ? stringLiteral
    | ( MAX_ROWS | MIN_ROWS ) EQ? INTEGER_LITERAL
    | TABLESPACE EQ? id
    | NODEGROUP EQ? INTEGER_LITERAL
    ;

// ======================================================================= data types
dataType
    : ( TINYINT | SMALLINT | MEDIUMINT | MIDDLEINT | INT | INTEGER | BIGINT | INT1 | INT2 | INT3 | INT4 | INT8 )
      fieldLength? numberAttribute*                                                  #integerType
    | ( REAL | DOUBLE PRECISION? | FLOAT | FLOAT4 | FLOAT8 | DECIMAL | DEC | NUMERIC | FIXED )
      precision? numberAttribute*                                                    #decimalType
    | BIT fieldLength?                                                               #bitType
    | ( BOOL | BOOLEAN )                                                             #booleanType
    | SERIAL                                                                         #serialType
    | ( CHAR | CHARACTER | NCHAR | NATIONAL ( CHAR | CHARACTER ) ) fieldLength? charsetAttributes   #charType
    | ( VARCHAR | VARCHARACTER | NVARCHAR | ( CHAR | CHARACTER ) VARYING | NATIONAL ( VARCHAR | CHAR VARYING | CHARACTER VARYING ) | NCHAR VARYING | NCHAR VARCHAR ) fieldLength charsetAttributes   #varcharType
    | ( TINYTEXT | TEXT | MEDIUMTEXT | LONGTEXT | LONG VARCHAR? ) fieldLength? charsetAttributes   #textType
    | ( BINARY | VARBINARY ) fieldLength?                                            #binaryType
    | ( TINYBLOB | BLOB | MEDIUMBLOB | LONGBLOB | LONG VARBINARY ) fieldLength?     #blobType
    | ( ENUM | SET ) LPAREN stringLiteral ( COMMA stringLiteral )* RPAREN charsetAttributes   #enumType
    | DATE                                                                           #dateType
    | ( TIME | DATETIME | TIMESTAMP ) fieldLength?                                   #timeType
    | YEAR fieldLength?                                                              #yearType
    | JSON                                                                           #jsonType
    | ( GEOMETRY | POINT | LINESTRING | POLYGON | MULTIPOINT | MULTILINESTRING | MULTIPOLYGON | GEOMETRYCOLLECTION )   #spatialType
    | id fieldLength?                                                                #otherType
    ;

numberAttribute
    : SIGNED | UNSIGNED | ZEROFILL
    ;

fieldLength
    : LPAREN INTEGER_LITERAL RPAREN
    ;

precision
    : LPAREN INTEGER_LITERAL ( COMMA INTEGER_LITERAL )? RPAREN
    ;

charsetAttributes
    : ( ( CHARACTER SET | CHARSET ) charsetName | COLLATE collationName | BINARY | ASCII | UNICODE )*
    ;

// ======================================================================= other DDL
createIndex
    : CREATE ( OR REPLACE )? ( ONLINE | OFFLINE )? ( UNIQUE | FULLTEXT | SPATIAL )? INDEX ifNotExists? indexName indexType?
      ON tableName keyParts indexOption* ( ( ALGORITHM | LOCK ) EQ? ( id | DEFAULT ) )*
    ;

createView
    : CREATE ( OR REPLACE )? ( ALGORITHM EQ ( UNDEFINED | MERGE | TEMPTABLE ) )? definerClause?
      ( SQL SECURITY ( DEFINER | INVOKER ) )? VIEW ifNotExists? tableName ( LPAREN idList RPAREN )?
      AS queryExpression ( WITH ( CASCADED | LOCAL )? CHECK OPTION )?
    ;

createDatabase
    : CREATE ( OR REPLACE )? ( DATABASE | SCHEMA ) ifNotExists? id databaseOption*
    ;

alterDatabase
    : ALTER ( DATABASE | SCHEMA ) id? databaseOption+
    ;

databaseOption
    : DEFAULT? ( CHARACTER SET | CHARSET ) EQ? charsetName
    | DEFAULT? COLLATE EQ? collationName
    | DEFAULT? ENCRYPTION EQ? stringLiteral
    | COMMENT EQ? stringLiteral
    | READ ONLY EQ? ( DEFAULT | INTEGER_LITERAL )
    ;

alterTable
    : ALTER ( ONLINE | IGNORE )? TABLE ifExists? tableName
      ( alterSpecification ( COMMA alterSpecification )* )? partitionClause?
    ;

alterSpecification
    : ADD COLUMN? ifNotExists? columnDefinition columnPosition?                            #addColumn
    | ADD COLUMN? ifNotExists? LPAREN columnDefinition ( COMMA columnDefinition )* RPAREN  #addColumns
    | ADD tableConstraint                                                                  #addConstraint
    | ADD PARTITION ifNotExists? LPAREN partitionDefinition ( COMMA partitionDefinition )* RPAREN   #addPartition
    | DROP COLUMN? ifExists? id ( RESTRICT | CASCADE )?                                     #dropColumn
    | DROP ( INDEX | KEY ) ifExists? id                                                    #dropIndex
    | DROP PRIMARY KEY                                                                     #dropPrimaryKey
    | DROP FOREIGN KEY ifExists? id                                                        #dropForeignKey
    | DROP ( CONSTRAINT | CHECK ) ifExists? id                                             #dropConstraint
    | DROP PARTITION ifExists? idList                                                      #dropPartition
    | MODIFY COLUMN? ifExists? columnDefinition columnPosition?                             #modifyColumn
    | CHANGE COLUMN? ifExists? id columnDefinition columnPosition?                          #changeColumn
    | ALTER COLUMN? id ( SET DEFAULT defaultValue | DROP DEFAULT | SET ( VISIBLE | INVISIBLE ) )   #alterColumnDefault
    | ALTER ( INDEX | KEY ) id ( VISIBLE | INVISIBLE )                                     #alterIndexVisibility
    | ALTER ( CONSTRAINT | CHECK ) id NOT? ENFORCED                                        #alterCheck
    | RENAME COLUMN id TO id                                                               #renameColumn
    | RENAME ( INDEX | KEY ) id TO id                                                      #renameIndex
    | RENAME ( TO | AS )? tableName                                                        #renameTo
    | ( DISABLE | ENABLE ) KEYS                                                            #toggleKeys
    | ( DISCARD | IMPORT ) TABLESPACE                                                      #tablespaceAction
    | CONVERT TO ( CHARACTER SET | CHARSET ) charsetName ( COLLATE collationName )?        #convertCharset
    | ( ALGORITHM | LOCK ) EQ? ( id | DEFAULT )                                            #algorithmOrLock
    | FORCE                                                                                #forceRebuild
    | ( WITH | WITHOUT ) VALIDATION                                                        #validation
    | ORDER BY idList                                                                      #orderByAlter
    | ( TRUNCATE | COALESCE | REBUILD | OPTIMIZE | ANALYZE | CHECK | REPAIR ) PARTITION ( ALL | idList | INTEGER_LITERAL )   #partitionMaintenance
    | REMOVE PARTITIONING                                                                 #removePartitioning
    | tableOption                                                                          #alterTableOption
    ;

columnPosition
    : FIRST
    | AFTER id
    ;

dropStatement
    : DROP TEMPORARY? TABLE ifExists? tableNameList ( RESTRICT | CASCADE )?                  #dropTable
    | DROP ( DATABASE | SCHEMA ) ifExists? id                                               #dropDatabase
    | DROP VIEW ifExists? tableNameList ( RESTRICT | CASCADE )?                              #dropView
    | DROP PROCEDURE ifExists? fullId                                                       #dropProcedure
    | DROP FUNCTION ifExists? fullId                                                        #dropFunction
    | DROP TRIGGER ifExists? fullId                                                         #dropTrigger
    | DROP EVENT ifExists? fullId                                                           #dropEvent
    | DROP ( ONLINE | OFFLINE )? INDEX ifExists? id ON tableName ( ( ALGORITHM | LOCK ) EQ? ( id | DEFAULT ) )*   #dropIndexStatement
    ;

renameTable
    : RENAME TABLE tableName TO tableName ( COMMA tableName TO tableName )*
    ;

truncateTable
    : TRUNCATE TABLE? tableName
    ;

// ======================================================================= routines, triggers, events
createProcedure
    : CREATE ( OR REPLACE )? definerClause? PROCEDURE ifNotExists? fullId
      LPAREN ( procedureParameter ( COMMA procedureParameter )* )? RPAREN
      routineCharacteristic* routineBody
    ;

createFunction
    : CREATE ( OR REPLACE )? definerClause? AGGREGATE? FUNCTION ifNotExists? fullId
      LPAREN ( functionParameter ( COMMA functionParameter )* )? RPAREN
      RETURNS dataType routineCharacteristic* routineBody
    ;

procedureParameter
    : ( IN | OUT | INOUT )? id dataType
    ;

functionParameter
    : IN? id dataType
    ;

routineCharacteristic
    : COMMENT stringLiteral
    | LANGUAGE SQL
    | NOT? DETERMINISTIC
    | CONTAINS SQL
    | NO SQL
    | READS SQL DATA
    | MODIFIES SQL DATA
    | SQL SECURITY ( DEFINER | INVOKER )
    ;

routineBody
    : routineStatement
    ;

createTrigger
    : CREATE ( OR REPLACE )? definerClause? TRIGGER ifNotExists? fullId
      triggerTime=( BEFORE | AFTER ) triggerEvent=( INSERT | UPDATE | DELETE ) ON tableName
      FOR EACH ROW ( ( FOLLOWS | PRECEDES ) fullId )? routineBody
    ;

createEvent
    : CREATE ( OR REPLACE )? definerClause? EVENT ifNotExists? fullId
      ON SCHEDULE eventSchedule
      ( ON COMPLETION NOT? PRESERVE )?
      ( ENABLE | DISABLE ( ON SLAVE )? )?
      ( COMMENT stringLiteral )?
      DO routineBody
    ;

eventSchedule
    : AT expression
    | EVERY expression intervalUnit ( STARTS expression )? ( ENDS expression )?
    ;

// ======================================================================= compound statements (routine bodies)
routineStatementList
    : ( routineStatement SEMI+ )*
    ;

routineStatement
    : blockStatement
    | declareStatement
    | ifStatement
    | caseStatement
    | whileStatement
    | repeatStatement
    | loopStatement
    | leaveStatement
    | iterateStatement
    | returnStatement
    | openCursor
    | fetchCursor
    | closeCursor
    | signalStatement
    | resignalStatement
    | getDiagnostics
    | sqlStatementInRoutine
    ;

sqlStatementInRoutine
    : createTable
    | createIndex
    | createView
    | createDatabase
    | alterTable
    | dropStatement
    | renameTable
    | truncateTable
    | selectStatement
    | insertStatement
    | updateStatement
    | deleteStatement
    | setStatement
    | useStatement
    | lockTables
    | unlockTables
    | transactionStatement
    | callStatement
    | prepareStatement
    | executeStatement
    | deallocateStatement
    | doStatement
    | otherStatement
    ;

beginLabel
    : id COLON
    ;

blockStatement
    : beginLabel? BEGIN routineStatementList END id?
    ;

declareStatement
    : DECLARE id ( COMMA id )* dataType ( DEFAULT expression )?                              #declareVariable
    | DECLARE id CONDITION FOR ( INTEGER_LITERAL | SQLSTATE VALUE? stringLiteral )           #declareCondition
    | DECLARE id CURSOR FOR selectStatement                                                   #declareCursor
    | DECLARE ( CONTINUE | EXIT | UNDO ) HANDLER FOR handlerCondition ( COMMA handlerCondition )* routineStatement   #declareHandler
    ;

handlerCondition
    : INTEGER_LITERAL
    | SQLSTATE VALUE? stringLiteral
    | SQLWARNING
    | NOT FOUND
    | SQLEXCEPTION
    | id
    ;

ifStatement
    : IF expression THEN routineStatementList
      ( ELSEIF expression THEN routineStatementList )*
      ( ELSE routineStatementList )?
      END IF
    ;

caseStatement
    : CASE expression? ( WHEN expression THEN routineStatementList )+ ( ELSE routineStatementList )? END CASE
    ;

whileStatement
    : beginLabel? WHILE expression DO routineStatementList END WHILE id?
    ;

repeatStatement
    : beginLabel? REPEAT routineStatementList UNTIL expression END REPEAT id?
    ;

loopStatement
    : beginLabel? LOOP routineStatementList END LOOP id?
    ;

leaveStatement
    : LEAVE id
    ;

iterateStatement
    : ITERATE id
    ;

returnStatement
    : RETURN expression
    ;

openCursor
    : OPEN id
    ;

fetchCursor
    : FETCH ( NEXT? FROM )? id INTO variable ( COMMA variable )*
    ;

closeCursor
    : CLOSE id
    ;

signalStatement
    : SIGNAL ( SQLSTATE VALUE? stringLiteral | id ) ( SET signalItem ( COMMA signalItem )* )?
    ;

resignalStatement
    : RESIGNAL ( SQLSTATE VALUE? stringLiteral | id )? ( SET signalItem ( COMMA signalItem )* )?
    ;

signalItem
    : id EQ expression
    ;

getDiagnostics
    : GET ( CURRENT | STACKED )? DIAGNOSTICS
      ( variable EQ id ( COMMA variable EQ id )*
      | CONDITION expression variable EQ id ( COMMA variable EQ id )* )
    ;

variable
    : USER_VARIABLE
    | SYSTEM_VARIABLE
    | id
    ;

// ======================================================================= session / misc statements
useStatement
    : USE id
    ;

setStatement
    : SET NAMES ( charsetName ( COLLATE collationName )? )                               #setNames
    | SET ( CHARACTER SET | CHARSET ) charsetName                                         #setCharset
    | SET ( GLOBAL | SESSION | LOCAL )? TRANSACTION transactionCharacteristic ( COMMA transactionCharacteristic )*   #setTransaction
    | SET setAssignment ( COMMA setAssignment )*                                         #setVariables
    ;

setAssignment
    : ( GLOBAL | SESSION | LOCAL | PERSIST )? setTarget ( EQ | VAR_ASSIGN ) setValue
    ;

setTarget
    : USER_VARIABLE
    | SYSTEM_VARIABLE
    | columnRef
    ;

setValue
    : expression
    | ON
    | ALL
    | BINARY
    | DEFAULT
    ;

transactionCharacteristic
    : ISOLATION LEVEL ( REPEATABLE READ | READ COMMITTED | READ UNCOMMITTED | SERIALIZABLE )
    | READ WRITE
    | READ ONLY
    ;

lockTables
    : LOCK ( TABLES | TABLE ) lockItem ( COMMA lockItem )*
    ;

lockItem
    : tableName ( AS? alias )? ( READ LOCAL? | LOW_PRIORITY? WRITE | WRITE CONCURRENT )
    ;

unlockTables
    : UNLOCK ( TABLES | TABLE )
    ;

transactionStatement
    : START TRANSACTION ( transactionStart ( COMMA transactionStart )* )?
    | COMMIT WORK? ( AND NO? CHAIN )? ( NO? RELEASE )?
    | ROLLBACK WORK? ( TO SAVEPOINT? id | ( AND NO? CHAIN )? ( NO? RELEASE )? )
    | SAVEPOINT id
    | RELEASE SAVEPOINT id
    ;

transactionStart
    : WITH CONSISTENT SNAPSHOT
    | READ WRITE
    | READ ONLY
    ;

callStatement
    : CALL fullId ( LPAREN expressionList? RPAREN )?
    ;

prepareStatement
    : PREPARE id FROM ( stringLiteral | USER_VARIABLE )
    ;

executeStatement
    : EXECUTE id ( USING variable ( COMMA variable )* )?
    ;

deallocateStatement
    : ( DEALLOCATE | DROP ) PREPARE id
    ;

doStatement
    : DO expressionList
    ;

// ======================================================================= DML
insertStatement
    : ( INSERT | REPLACE ) ( LOW_PRIORITY | DELAYED | HIGH_PRIORITY )? IGNORE? INTO? tableName
      ( PARTITION LPAREN idList RPAREN )? insertBody
      ( ON DUPLICATE KEY UPDATE updateAssignment ( COMMA updateAssignment )* )?
      ( RETURNING selectList )?
    ;

insertBody
    : ( LPAREN idList? RPAREN )? ( VALUES | VALUE ) rowValues ( COMMA rowValues )* ( AS id ( LPAREN idList RPAREN )? )?   #insertValues
    | ( LPAREN idList? RPAREN )? queryExpression                                                                          #insertSelect
    | SET updateAssignment ( COMMA updateAssignment )*                                                                    #insertSet
    ;

rowValues
    : ROW? LPAREN ( insertValue ( COMMA insertValue )* )? RPAREN
    ;

// The first alternatives are a fast path for the millions of plain literals of dump files: no expression chain,
// one context per value (the token alternatives win over `expression` when a literal stands alone).
insertValue
    : SQ_STRING
    | DQ_STRING
    | INTEGER_LITERAL
    | DECIMAL_LITERAL
    | NULL
    | expression
    | DEFAULT
    ;

updateAssignment
    : columnRef EQ insertValue
    ;

updateStatement
    : withClause? UPDATE LOW_PRIORITY? IGNORE? tableReferences SET updateAssignment ( COMMA updateAssignment )*
      whereClause? orderByClause? limitClause?
    ;

deleteStatement
    : withClause? DELETE LOW_PRIORITY? QUICK? IGNORE?
      ( FROM tableName ( AS? id )? ( PARTITION LPAREN idList RPAREN )? whereClause? orderByClause? limitClause? ( RETURNING selectList )?
      | deleteTarget ( COMMA deleteTarget )* FROM tableReferences whereClause?
      | FROM deleteTarget ( COMMA deleteTarget )* USING tableReferences whereClause?
      )
    ;

deleteTarget
    : fullId ( DOT STAR )?
    ;

// ======================================================================= queries
selectStatement
    : queryExpression intoClause? lockingClause* intoClause?
    ;

queryExpression
    : withClause? queryBody orderByClause? limitClause?
    ;

withClause
    : WITH RECURSIVE? commonTableExpression ( COMMA commonTableExpression )*
    ;

commonTableExpression
    : id ( LPAREN idList RPAREN )? AS LPAREN queryExpression RPAREN
    ;

queryBody
    : queryTerm ( setOperator queryTerm )*
    ;

setOperator
    : ( UNION | EXCEPT | INTERSECT ) ( ALL | DISTINCT )?
    ;

queryTerm
    : querySpecification
    | LPAREN queryExpression RPAREN
    | TABLE tableName
    ;

querySpecification
    : SELECT selectOption* selectList intoClause? fromClause? whereClause? groupByClause? havingClause? windowClause?
    ;

selectOption
    : ALL | DISTINCT | DISTINCTROW | HIGH_PRIORITY | STRAIGHT_JOIN | SQL_SMALL_RESULT | SQL_BIG_RESULT
    | SQL_BUFFER_RESULT | SQL_CACHE | SQL_NO_CACHE | SQL_CALC_FOUND_ROWS
    ;

selectList
    : ( STAR | selectItem ) ( COMMA selectItem )*
    ;

selectItem
    : id DOT ( id DOT )? STAR                                   #tableWildcard
    | expression ( AS? alias )?                                 #expressionItem
    ;

intoClause
    : INTO variable ( COMMA variable )*
    | INTO OUTFILE stringLiteral ~( SEMI | FOR | LOCK )*
    | INTO DUMPFILE stringLiteral
    ;

fromClause
    : FROM ( DUAL | tableReferences )
    ;

tableReferences
    : tableReference ( COMMA tableReference )*
    ;

tableReference
    : tableFactor joinedTable*
    | LBRACE id tableReference RBRACE
    ;

tableFactor
    : tableName ( PARTITION LPAREN idList RPAREN )? ( AS? alias )? indexHint*          #tableSource
    | LATERAL? LPAREN queryExpression RPAREN AS? alias ( LPAREN idList RPAREN )?       #derivedTable
    | LPAREN tableReferences RPAREN                                                    #nestedTables
    ;

indexHint
    : ( USE | IGNORE | FORCE ) ( INDEX | KEY ) ( FOR ( JOIN | ORDER BY | GROUP BY ) )? LPAREN idList? RPAREN
    ;

joinedTable
    : ( INNER | CROSS )? JOIN tableFactor joinSpecification?                          #innerJoin
    | STRAIGHT_JOIN tableFactor ( ON expression )?                                     #straightJoin
    | ( LEFT | RIGHT ) OUTER? JOIN tableFactor joinSpecification                       #outerJoin
    | NATURAL ( ( LEFT | RIGHT ) OUTER? | INNER )? JOIN tableFactor                     #naturalJoin
    ;

joinSpecification
    : ON expression
    | USING LPAREN idList RPAREN
    ;

whereClause
    : WHERE expression
    ;

groupByClause
    : GROUP BY groupItem ( COMMA groupItem )* ( WITH ROLLUP )?
    ;

groupItem
    : expression ( ASC | DESC )?
    ;

havingClause
    : HAVING expression
    ;

windowClause
    : WINDOW id AS LPAREN windowSpec RPAREN ( COMMA id AS LPAREN windowSpec RPAREN )*
    ;

orderByClause
    : ORDER BY orderItem ( COMMA orderItem )*
    ;

orderItem
    : expression ( ASC | DESC )?
    ;

limitClause
    : LIMIT limitValue ( ( COMMA | OFFSET ) limitValue )?
    ;

limitValue
    : INTEGER_LITERAL
    | QUESTION
    | id
    ;

lockingClause
    : FOR ( UPDATE | SHARE ) ( OF tableNameList )? ( NOWAIT | SKIP_ LOCKED )?
    | LOCK IN SHARE MODE
    ;

// ======================================================================= expressions
expression
    : NOT expression                                            #notExpression
    | expression ( AND | AND_AND ) expression                   #andExpression
    | expression XOR expression                                 #xorExpression
    | expression ( OR | OR_OR ) expression                      #orExpression
    | predicate                                                 #predicateExpression
    ;

predicate
    : predicate IS NOT? ( NULL | TRUE | FALSE | UNKNOWN )                         #isPredicate
    | predicate comparisonOperator predicate                                     #comparisonPredicate
    | predicate comparisonOperator ( ALL | ANY | SOME ) LPAREN queryExpression RPAREN   #quantifiedComparison
    | predicate NOT? IN LPAREN ( queryExpression | expressionList ) RPAREN       #inPredicate
    | predicate NOT? BETWEEN bitExpression AND predicate                         #betweenPredicate
    | predicate SOUNDS LIKE bitExpression                                        #soundsLikePredicate
    | predicate NOT? LIKE bitExpression ( ESCAPE bitExpression )?                #likePredicate
    | predicate NOT? ( REGEXP | RLIKE ) bitExpression                            #regexpPredicate
    | predicate MEMBER OF LPAREN bitExpression RPAREN                           #memberOfPredicate
    | bitExpression                                                              #bitPredicate
    ;

comparisonOperator
    : EQ | NULL_SAFE_EQ | NE | LT | LE | GT | GE
    ;

bitExpression
    : bitExpression CARET bitExpression                                         #bitXorExpression
    | bitExpression ( STAR | SLASH | PERCENT | DIV | MOD ) bitExpression        #multiplicativeExpression
    | bitExpression ( PLUS | MINUS ) bitExpression                              #additiveExpression
    | bitExpression ( SHIFT_LEFT | SHIFT_RIGHT ) bitExpression                  #shiftExpression
    | bitExpression AMP bitExpression                                           #bitAndExpression
    | bitExpression PIPE bitExpression                                          #bitOrExpression
    | simpleExpression                                                          #simpleBitExpression
    ;

simpleExpression
    : simpleExpression COLLATE collationName                                    #collateExpression
    | simpleExpression ( ARROW | ARROW2 ) stringLiteralSimple                   #jsonPathExpression
    | ( PLUS | MINUS | TILDE | BANG ) simpleExpression                          #unaryExpression
    | BINARY simpleExpression                                                   #binaryExpression
    | variable VAR_ASSIGN expression                                            #assignmentExpression
    | literal                                                                   #literalExpression
    | USER_VARIABLE                                                             #userVariableExpression
    | SYSTEM_VARIABLE                                                           #systemVariableExpression
    | QUESTION                                                                  #parameterMarker
    | functionCall                                                              #functionCallExpression
    | columnRef                                                                 #columnRefExpression
    | LPAREN expression RPAREN                                                  #parenthesizedExpression
    | LPAREN expression ( COMMA expression )+ RPAREN                            #rowExpression
    | LPAREN queryExpression RPAREN                                             #subqueryExpression
    | EXISTS LPAREN queryExpression RPAREN                                      #existsExpression
    | CASE expression? ( WHEN expression THEN expression )+ ( ELSE expression )? END   #caseExpression
    | INTERVAL expression intervalUnit                                          #intervalExpression
    | MATCH LPAREN columnRef ( COMMA columnRef )* RPAREN AGAINST LPAREN bitExpression searchModifier? RPAREN   #matchExpression
    | LBRACE id expression RBRACE                                               #odbcExpression
    ;

searchModifier
    : IN NATURAL LANGUAGE MODE ( WITH QUERY EXPANSION )?
    | IN BOOLEAN MODE
    | WITH QUERY EXPANSION
    ;

expressionList
    : expression ( COMMA expression )*
    ;

functionCall
    : CAST LPAREN expression AS castType ARRAY? RPAREN                                 #castFunction
    | CONVERT LPAREN expression ( COMMA castType | USING charsetName ) RPAREN   #convertFunction
    | EXTRACT LPAREN intervalUnit FROM expression RPAREN                        #extractFunction
    | TRIM LPAREN ( ( BOTH | LEADING | TRAILING ) expression? FROM | expression FROM )? expression RPAREN   #trimFunction
    | ( SUBSTRING | SUBSTR ) LPAREN expression FROM expression ( FOR expression )? RPAREN   #substringFromFunction
    | POSITION LPAREN bitExpression IN expression RPAREN                        #positionFunction
    | CHAR LPAREN expressionList ( USING charsetName )? RPAREN                  #charFunction
    | GROUP_CONCAT LPAREN DISTINCT? expressionList orderByClause? ( SEPARATOR stringLiteral )? RPAREN overClause?   #groupConcatFunction
    | ( TIMESTAMPADD | TIMESTAMPDIFF ) LPAREN intervalUnit COMMA expression COMMA expression RPAREN   #timestampArithmeticFunction
    | ( CURRENT_TIMESTAMP | CURRENT_DATE | CURRENT_TIME | LOCALTIME | LOCALTIMESTAMP | UTC_DATE | UTC_TIME | UTC_TIMESTAMP | CURRENT_USER )
      ( LPAREN INTEGER_LITERAL? RPAREN )?                                       #niladicFunction
    | functionName LPAREN ( ( ALL | DISTINCT )? ( STAR | functionArgument ( COMMA functionArgument )* ) )? RPAREN overClause?   #genericFunction
    ;

functionArgument
    : expression
    ;

functionName
    : fullId
    | IF | LEFT | RIGHT | INSERT | REPLACE | REPEAT | MOD | DATABASE | SCHEMA | VALUES | INTERVAL | DEFAULT
    ;

castType
    : BINARY fieldLength?
    | ( CHAR | CHARACTER | NCHAR ) fieldLength? charsetAttributes
    | DATE
    | ( DATETIME | TIME | TIMESTAMP ) fieldLength?
    | ( DECIMAL | DEC | NUMERIC ) precision?
    | SIGNED ( INTEGER | INT )?
    | UNSIGNED ( INTEGER | INT )?
    | ( INTEGER | INT | BIGINT )
    | JSON
    | ( DOUBLE | FLOAT | REAL ) precision?
    | YEAR
    ;

overClause
    : OVER ( id | LPAREN windowSpec RPAREN )
    ;

windowSpec
    : id? ( PARTITION BY expressionList )? orderByClause? frameClause?
    ;

frameClause
    : ( ROWS | RANGE ) ( frameBound | BETWEEN frameBound AND frameBound )
    ;

frameBound
    : UNBOUNDED ( PRECEDING | FOLLOWING )
    | CURRENT ROW
    | bitExpression ( PRECEDING | FOLLOWING )
    ;

intervalUnit
    : MICROSECOND | SECOND | MINUTE | HOUR | DAY | WEEK | MONTH | QUARTER | YEAR
    | SECOND_MICROSECOND | MINUTE_MICROSECOND | MINUTE_SECOND | HOUR_MICROSECOND | HOUR_SECOND | HOUR_MINUTE
    | DAY_MICROSECOND | DAY_SECOND | DAY_MINUTE | DAY_HOUR | YEAR_MONTH
    ;

// ======================================================================= literals
literal
    : stringLiteral
    | numericLiteral
    | HEX_STRING | HEX_NUMBER | BIT_STRING | BIT_NUMBER
    | TRUE | FALSE
    | NULL
    | ( DATE | TIME | TIMESTAMP ) stringLiteralSimple
    ;

stringLiteral
    : CHARSET_INTRODUCER? ( SQ_STRING | DQ_STRING ) ( SQ_STRING | DQ_STRING )* ( COLLATE collationName )?
    | CHARSET_INTRODUCER ( HEX_STRING | HEX_NUMBER | BIT_STRING | BIT_NUMBER )
    | NATIONAL_STRING ( SQ_STRING )*
    ;

stringLiteralSimple
    : SQ_STRING
    | DQ_STRING
    ;

numericLiteral
    : INTEGER_LITERAL
    | DECIMAL_LITERAL
    | REAL_LITERAL
    ;

// After a dot every word is an identifier, reserved or not (t.order, new.key).
reservedKeyword
    : ACCESSIBLE
    | ADD
    | ALL
    | ALTER
    | AMP
    | ANALYZE
    | AND
    | AND_AND
    | ARROW
    | ARROW2
    | AS
    | ASC
    | BACKTICK_ID
    | BANG
    | BEFORE
    | BETWEEN
    | BIGINT
    | BINARY
    | BIT_NUMBER
    | BIT_STRING
    | BLOB
    | BOTH
    | BY
    | CALL
    | CARET
    | CASCADE
    | CASE
    | CHANGE
    | CHAR
    | CHARACTER
    | CHARSET_INTRODUCER
    | CHECK
    | COLLATE
    | COLON
    | COLUMN
    | COMMA
    | CONDITION
    | CONSTRAINT
    | CONTINUE
    | CONVERT
    | CREATE
    | CROSS
    | CURRENT_DATE
    | CURRENT_TIME
    | CURRENT_TIMESTAMP
    | CURRENT_USER
    | CURSOR
    | DATABASE
    | DATABASES
    | DAY_HOUR
    | DAY_MICROSECOND
    | DAY_MINUTE
    | DAY_SECOND
    | DEC
    | DECIMAL
    | DECLARE
    | DEFAULT
    | DELAYED
    | DELETE
    | DESC
    | DESCRIBE
    | DETERMINISTIC
    | DISTINCT
    | DISTINCTROW
    | DIV
    | DOT
    | DOUBLE
    | DQ_STRING
    | DROP
    | DUAL
    | EACH
    | ELSE
    | ELSEIF
    | ENCLOSED
    | EQ
    | ESCAPED
    | EXCEPT
    | EXISTS
    | EXIT
    | EXPLAIN
    | FALSE
    | FETCH
    | FLOAT
    | FLOAT4
    | FLOAT8
    | FOR
    | FORCE
    | FOREIGN
    | FROM
    | FULLTEXT
    | GE
    | GENERATED
    | GRANT
    | GROUP
    | GT
    | HAVING
    | HEX_NUMBER
    | HEX_STRING
    | HIGH_PRIORITY
    | HOUR_MICROSECOND
    | HOUR_MINUTE
    | HOUR_SECOND
    | IF
    | IGNORE
    | IN
    | INDEX
    | INFILE
    | INNER
    | INOUT
    | INSERT
    | INT
    | INT1
    | INT2
    | INT3
    | INT4
    | INT8
    | INTEGER
    | INTERSECT
    | INTERVAL
    | INTO
    | IS
    | ITERATE
    | JOIN
    | KEY
    | KEYS
    | KILL
    | LATERAL
    | LBRACE
    | LE
    | LEADING
    | LEAVE
    | LEFT
    | LIKE
    | LIMIT
    | LINEAR
    | LINES
    | LOAD
    | LOCALTIME
    | LOCALTIMESTAMP
    | LOCK
    | LONG
    | LONGBLOB
    | LONGTEXT
    | LOOP
    | LOW_PRIORITY
    | LPAREN
    | LT
    | MATCH
    | MAXVALUE
    | MEDIUMBLOB
    | MEDIUMINT
    | MEDIUMTEXT
    | MIDDLEINT
    | MINUS
    | MINUTE_MICROSECOND
    | MINUTE_SECOND
    | MOD
    | MODIFIES
    | NATIONAL_STRING
    | NATURAL
    | NE
    | NOT
    | NO_WRITE_TO_BINLOG
    | NULL
    | NULL_SAFE_EQ
    | NUMERIC
    | OF
    | ON
    | OPTIMIZE
    | OPTION
    | OPTIONALLY
    | OR
    | ORDER
    | OR_OR
    | OUT
    | OUTER
    | OUTFILE
    | OVER
    | PARAM_AT
    | PARTITION
    | PERCENT
    | PIPE
    | PLUS
    | PRECISION
    | PRIMARY
    | PROCEDURE
    | PURGE
    | QUESTION
    | RANGE
    | RBRACE
    | READ
    | READS
    | REAL
    | RECURSIVE
    | REFERENCES
    | REGEXP
    | RELEASE
    | RENAME
    | REPEAT
    | REPLACE
    | REQUIRE
    | RESIGNAL
    | RESTRICT
    | RETURN
    | REVOKE
    | RIGHT
    | RLIKE
    | RPAREN
    | SCHEMA
    | SCHEMAS
    | SECOND_MICROSECOND
    | SELECT
    | SEMI
    | SEPARATOR
    | SET
    | SHIFT_LEFT
    | SHIFT_RIGHT
    | SHOW
    | SIGNAL
    | SLASH
    | SMALLINT
    | SPATIAL
    | SQL
    | SQLEXCEPTION
    | SQLSTATE
    | SQLWARNING
    | SQL_BIG_RESULT
    | SQL_CALC_FOUND_ROWS
    | SQL_SMALL_RESULT
    | SQ_STRING
    | STAR
    | STARTING
    | STORED
    | STRAIGHT_JOIN
    | SYSTEM_VARIABLE
    | TABLE
    | TERMINATED
    | THEN
    | TILDE
    | TINYBLOB
    | TINYINT
    | TINYTEXT
    | TO
    | TRAILING
    | TRIGGER
    | TRUE
    | UNDO
    | UNION
    | UNIQUE
    | UNLOCK
    | UNSIGNED
    | UPDATE
    | USAGE
    | USE
    | USER_VARIABLE
    | USING
    | UTC_DATE
    | UTC_TIME
    | UTC_TIMESTAMP
    | VALUES
    | VARBINARY
    | VARCHAR
    | VARCHARACTER
    | VARYING
    | VAR_ASSIGN
    | VERSIONED_COMMENT_CLOSE
    | VERSIONED_COMMENT_OPEN
    | VIRTUAL
    | WHEN
    | WHERE
    | WHILE
    | WINDOW
    | WITH
    | WRITE
    | XOR
    | YEAR_MONTH
    | ZEROFILL
    ;

nonReservedKeyword
    : ARRAY
    | PERIOD
    | VERSIONING
    | SYSTEM
    | RETURNS
    | ACTION
    | AFTER
    | AGAINST
    | AGGREGATE
    | ALGORITHM
    | ALWAYS
    | ANY
    | ASCII
    | AT
    | ATOMIC
    | AUTOCOMMIT
    | AUTO_INCREMENT
    | AVG_ROW_LENGTH
    | BEGIN
    | BINLOG
    | BIT
    | BOOL
    | BOOLEAN
    | BTREE
    | CACHE
    | CASCADED
    | CAST
    | CHAIN
    | CHARSET
    | CHECKSUM
    | CLONE
    | CLOSE
    | COALESCE
    | COLUMNS
    | COLUMN_FORMAT
    | COMMENT
    | COMMIT
    | COMMITTED
    | COMPACT
    | COMPLETION
    | COMPRESSED
    | COMPRESSION
    | CONCURRENT
    | CONNECTION
    | CONSISTENT
    | CONTAINS
    | CURRENT
    | DATA
    | DATE
    | DATETIME
    | DAY
    | DEALLOCATE
    | DEFINER
    | DELAY_KEY_WRITE
    | DIAGNOSTICS
    | DIRECTORY
    | DISABLE
    | DISCARD
    | DISK
    | DO
    | DUMPFILE
    | DUPLICATE
    | DYNAMIC
    | ENABLE
    | ENCRYPTION
    | END
    | ENDS
    | ENFORCED
    | ENGINE
    | ENUM
    | ESCAPE
    | EVENT
    | EVERY
    | EXCHANGE
    | EXCLUSIVE
    | EXECUTE
    | EXPANSION
    | EXTENDED
    | EXTRACT
    | FIELDS
    | FIRST
    | FIXED
    | FLUSH
    | FOLLOWING
    | FOLLOWS
    | FORMAT
    | FOUND
    | FULL
    | FUNCTION
    | GEOMETRY
    | GEOMETRYCOLLECTION
    | GET
    | GLOBAL
    | GROUP_CONCAT
    | HANDLER
    | HASH
    | HELP
    | HOUR
    | IDENTIFIED
    | IGNORED
    | IMPORT
    | INPLACE
    | INSERT_METHOD
    | INSTALL
    | INSTANT
    | INVISIBLE
    | INVOKER
    | ISOLATION
    | JSON
    | KEY_BLOCK_SIZE
    | LANGUAGE
    | LAST
    | LESS
    | LEVEL
    | LINESTRING
    | LIST
    | LOCAL
    | LOCKED
    | LOGFILE
    | LOGS
    | MASTER
    | MAX_ROWS
    | MEMBER
    | MEMORY
    | MERGE
    | MESSAGE_TEXT
    | MICROSECOND
    | MINUTE
    | MIN_ROWS
    | MODE
    | MODIFY
    | MONTH
    | MULTILINESTRING
    | MULTIPOINT
    | MULTIPOLYGON
    | NAMES
    | NATIONAL
    | NCHAR
    | NEXT
    | NO
    | NODEGROUP
    | NONE
    | NOWAIT
    | NVARCHAR
    | OFFLINE
    | OFFSET
    | OLD_PASSWORD
    | ONLINE
    | ONLY
    | OPEN
    | OPTIONS
    | OWNER
    | PACK_KEYS
    | PAGE_CHECKSUM
    | PARSER
    | PARTIAL
    | PARTITIONING
    | PARTITIONS
    | PASSWORD
    | PERSIST
    | PERSISTENT
    | POINT
    | POLYGON
    | POSITION
    | PRECEDES
    | PRECEDING
    | PREPARE
    | PRESERVE
    | QUARTER
    | QUERY
    | QUICK
    | REBUILD
    | REDUNDANT
    | REMOVE
    | REORGANIZE
    | REPAIR
    | REPEATABLE
    | REPLICA
    | RESET
    | RESOURCE
    | RESTART
    | RETURNING
    | ROLE
    | ROLLBACK
    | ROLLUP
    | ROW
    | ROWS
    | ROW_FORMAT
    | RTREE
    | SAVEPOINT
    | SCHEDULE
    | SECOND
    | SECURITY
    | SEQUENCE
    | SERIAL
    | SERIALIZABLE
    | SERVER
    | SESSION
    | SHARE
    | SHUTDOWN
    | SIGNED
    | SIMPLE
    | SLAVE
    | SNAPSHOT
    | SOME
    | SONAME
    | SOUNDS
    | SOURCE
    | SQL_BUFFER_RESULT
    | SQL_CACHE
    | SQL_NO_CACHE
    | SRID
    | STACKED
    | START
    | STARTS
    | STATS_AUTO_RECALC
    | STATS_PERSISTENT
    | STATS_SAMPLE_PAGES
    | STATUS
    | STOP
    | STORAGE
    | SUBPARTITION
    | SUBPARTITIONS
    | SUBSTR
    | SUBSTRING
    | SYSTEM_TIME
    | TABLES
    | TABLESPACE
    | TEMPORARY
    | TEMPTABLE
    | TEXT
    | THAN
    | TIME
    | TIMESTAMP
    | TIMESTAMPADD
    | TIMESTAMPDIFF
    | TRANSACTION
    | TRANSACTIONAL
    | TRIM
    | TRUNCATE
    | TYPE
    | UNBOUNDED
    | UNCOMMITTED
    | UNDEFINED
    | UNICODE
    | UNINSTALL
    | UNKNOWN
    | UNTIL
    | UPGRADE
    | USER
    | VALIDATION
    | VALUE
    | VIEW
    | VISIBLE
    | WAIT
    | WARNINGS
    | WEEK
    | WITHOUT
    | WORK
    | WRAPPER
    | XA
    | XML
    | YEAR
    ;
