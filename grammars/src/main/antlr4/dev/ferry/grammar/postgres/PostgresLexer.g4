/*
 * Ferry PostgreSQL lexer. Written for Ferry from the PostgreSQL documentation (sql-syntax-lexical); keywords are
 * case-insensitive, quoted identifiers are kept exactly, dollar-quoted strings ($$..$$, $tag$..$tag$) match their own tag.
 */
lexer grammar PostgresLexer;

options { caseInsensitive = true; }

/* emitted by consumeDollarBody() when the closing tag is missing */
tokens { UNTERMINATED_DOLLAR_STRING }

// package dev.ferry.grammar.postgres: added by antlr4-maven-plugin from the folder (an explicit @header would duplicate it)

@members {
    /** After the opening dollar tag was matched: consumes input up to and including the same closing tag. */
    private void consumeDollarBody() {
        String tag = getText();
        int n = tag.length();
        while (_input.LA(1) != CharStream.EOF) {
            boolean match = true;
            for (int i = 0; i < n; i++) {
                if (_input.LA(i + 1) != tag.charAt(i)) { match = false; break; }
            }
            if (match) {
                for (int i = 0; i < n; i++) getInterpreter().consume(_input);
                return;
            }
            getInterpreter().consume(_input);
        }
        setType(UNTERMINATED_DOLLAR_STRING);
        reportUnterminated("dollar-quoted string starting with " + tag);
    }

    /** Reports an unterminated literal through the lexer's error listeners (the token still reaches the parser). */
    private void reportUnterminated(String what) {
        getErrorListenerDispatch().syntaxError(this, null, _tokenStartLine, _tokenStartCharPositionInLine,
                "unterminated " + what, null);
    }
}

SEMI: ';';
DOT: '.';
COMMA: ',';
LPAREN: '(';
RPAREN: ')';
LBRACKET: '[';
RBRACKET: ']';
DCOLON: '::';
COLON_EQUALS: ':=';
COLON: ':';
ARROW_NAMED: '=>';
EQ: '=';
NEQ: '<>' | '!=';
LT: '<';
LTE: '<=';
GT: '>';
GTE: '>=';
PLUS: '+';
MINUS: '-';
STAR: '*';
SLASH: '/';
PERCENT: '%';
CARET: '^';
CONCAT: '||';
/* other operators Ferry meets in schemas: regex, containment, JSON, bit, geometry */
OP: '~' | '~*' | '!~' | '!~*' | '@>' | '<@' | '&&' | '->' | '->>' | '#>' | '#>>' | '@@' | '?|' | '?&' | '&' | '|' | '#' | '<<' | '>>' | '@' | '?' | '-|-' | '~~' | '!~~' | '~~*' | '!~~*' | '|/' | '||/' | '!!';

ABSOLUTE: 'ABSOLUTE';
ACTION: 'ACTION';
ADD: 'ADD';
AFTER: 'AFTER';
AGGREGATE: 'AGGREGATE';
ALL: 'ALL';
ALTER: 'ALTER';
ALWAYS: 'ALWAYS';
ANALYZE: 'ANALYZE';
AND: 'AND';
ANY: 'ANY';
ARRAY: 'ARRAY';
AS: 'AS';
ASC: 'ASC';
ASYMMETRIC: 'ASYMMETRIC';
AT: 'AT';
ATOMIC: 'ATOMIC';
ATTACH: 'ATTACH';
AUTHORIZATION: 'AUTHORIZATION';
BEFORE: 'BEFORE';
BEGIN: 'BEGIN';
BETWEEN: 'BETWEEN';
BIT: 'BIT';
BOTH: 'BOTH';
BY: 'BY';
CACHE: 'CACHE';
CALL: 'CALL';
CALLED: 'CALLED';
CASCADE: 'CASCADE';
CASCADED: 'CASCADED';
CASE: 'CASE';
CAST: 'CAST';
CHARACTER: 'CHARACTER';
CHECK: 'CHECK';
CLUSTER: 'CLUSTER';
COLLATE: 'COLLATE';
COLLATION: 'COLLATION';
COLUMN: 'COLUMN';
COMMENT: 'COMMENT';
COMMIT: 'COMMIT';
CONCURRENTLY: 'CONCURRENTLY';
CONFLICT: 'CONFLICT';
CONSTRAINT: 'CONSTRAINT';
CONSTRAINTS: 'CONSTRAINTS';
COPY: 'COPY';
COST: 'COST';
CREATE: 'CREATE';
CROSS: 'CROSS';
CURRENT: 'CURRENT';
CURRENT_CATALOG: 'CURRENT_CATALOG';
CURRENT_DATE: 'CURRENT_DATE';
CURRENT_ROLE: 'CURRENT_ROLE';
CURRENT_SCHEMA: 'CURRENT_SCHEMA';
CURRENT_TIME: 'CURRENT_TIME';
CURRENT_TIMESTAMP: 'CURRENT_TIMESTAMP';
CURRENT_USER: 'CURRENT_USER';
CYCLE: 'CYCLE';
DATA: 'DATA';
DATABASE: 'DATABASE';
DAY: 'DAY';
DEFAULT: 'DEFAULT';
DEFAULTS: 'DEFAULTS';
DEFERRABLE: 'DEFERRABLE';
DEFERRED: 'DEFERRED';
DEFINER: 'DEFINER';
DELETE: 'DELETE';
DESC: 'DESC';
DETACH: 'DETACH';
DISABLE: 'DISABLE';
DISTINCT: 'DISTINCT';
DO: 'DO';
DOMAIN: 'DOMAIN';
DOUBLE: 'DOUBLE';
DROP: 'DROP';
EACH: 'EACH';
ELSE: 'ELSE';
ENABLE: 'ENABLE';
END: 'END';
ENUM: 'ENUM';
ESCAPE: 'ESCAPE';
EXCEPT: 'EXCEPT';
EXCLUDE: 'EXCLUDE';
EXECUTE: 'EXECUTE';
EXISTS: 'EXISTS';
EXTENSION: 'EXTENSION';
EXTERNAL: 'EXTERNAL';
EXTRACT: 'EXTRACT';
FALSE: 'FALSE';
FETCH: 'FETCH';
FILTER: 'FILTER';
FIRST: 'FIRST';
FOLLOWING: 'FOLLOWING';
FOR: 'FOR';
FORCE: 'FORCE';
FOREIGN: 'FOREIGN';
FROM: 'FROM';
FULL: 'FULL';
FUNCTION: 'FUNCTION';
FUNCTIONS: 'FUNCTIONS';
GENERATED: 'GENERATED';
GLOBAL: 'GLOBAL';
GRANT: 'GRANT';
GROUP: 'GROUP';
GROUPS: 'GROUPS';
HASH: 'HASH';
HAVING: 'HAVING';
HOUR: 'HOUR';
IDENTITY: 'IDENTITY';
IF: 'IF';
ILIKE: 'ILIKE';
IMMEDIATE: 'IMMEDIATE';
IMMUTABLE: 'IMMUTABLE';
IN: 'IN';
INCLUDE: 'INCLUDE';
INCLUDING: 'INCLUDING';
EXCLUDING: 'EXCLUDING';
INCREMENT: 'INCREMENT';
INDEX: 'INDEX';
INHERIT: 'INHERIT';
INHERITS: 'INHERITS';
INITIALLY: 'INITIALLY';
INNER: 'INNER';
INOUT: 'INOUT';
INPUT: 'INPUT';
INSERT: 'INSERT';
INSTEAD: 'INSTEAD';
INTERSECT: 'INTERSECT';
INTERVAL: 'INTERVAL';
INTO: 'INTO';
INVOKER: 'INVOKER';
IS: 'IS';
ISNULL: 'ISNULL';
JOIN: 'JOIN';
KEY: 'KEY';
LANGUAGE: 'LANGUAGE';
LAST: 'LAST';
LATERAL: 'LATERAL';
LEADING: 'LEADING';
LEAKPROOF: 'LEAKPROOF';
LEFT: 'LEFT';
LEVEL: 'LEVEL';
LIKE: 'LIKE';
LIMIT: 'LIMIT';
LIST: 'LIST';
LOCAL: 'LOCAL';
LOCALTIME: 'LOCALTIME';
LOCALTIMESTAMP: 'LOCALTIMESTAMP';
LOGGED: 'LOGGED';
MATCH: 'MATCH';
MATERIALIZED: 'MATERIALIZED';
MAXVALUE: 'MAXVALUE';
MINUTE: 'MINUTE';
MINVALUE: 'MINVALUE';
MONTH: 'MONTH';
NAME: 'NAME';
NATIONAL: 'NATIONAL';
NATURAL: 'NATURAL';
NEW: 'NEW';
NEXT: 'NEXT';
NO: 'NO';
NONE: 'NONE';
NOT: 'NOT';
NOTHING: 'NOTHING';
NOTNULL: 'NOTNULL';
NULL: 'NULL';
NULLS: 'NULLS';
OF: 'OF';
OFFSET: 'OFFSET';
OIDS: 'OIDS';
OLD: 'OLD';
ON: 'ON';
ONLY: 'ONLY';
OPTION: 'OPTION';
OR: 'OR';
ORDER: 'ORDER';
ORDINALITY: 'ORDINALITY';
OTHERS: 'OTHERS';
OUT: 'OUT';
OUTER: 'OUTER';
OVER: 'OVER';
OVERLAPS: 'OVERLAPS';
OVERLAY: 'OVERLAY';
OVERRIDING: 'OVERRIDING';
OWNED: 'OWNED';
OWNER: 'OWNER';
PARALLEL: 'PARALLEL';
PARTIAL: 'PARTIAL';
PARTITION: 'PARTITION';
PLACING: 'PLACING';
POLICY: 'POLICY';
POSITION: 'POSITION';
PRECEDING: 'PRECEDING';
PRECISION: 'PRECISION';
PRIMARY: 'PRIMARY';
PROCEDURE: 'PROCEDURE';
RANGE: 'RANGE';
READ: 'READ';
RECURSIVE: 'RECURSIVE';
REFERENCES: 'REFERENCES';
REFERENCING: 'REFERENCING';
REPLACE: 'REPLACE';
REPLICA: 'REPLICA';
RESET: 'RESET';
RESTART: 'RESTART';
RESTRICT: 'RESTRICT';
RETURN: 'RETURN';
RETURNING: 'RETURNING';
RETURNS: 'RETURNS';
REVOKE: 'REVOKE';
RIGHT: 'RIGHT';
ROLE: 'ROLE';
ROLLBACK: 'ROLLBACK';
ROW: 'ROW';
ROWS: 'ROWS';
RULE: 'RULE';
SCHEMA: 'SCHEMA';
SECOND: 'SECOND';
SECURITY: 'SECURITY';
SELECT: 'SELECT';
SEQUENCE: 'SEQUENCE';
SESSION: 'SESSION';
SESSION_USER: 'SESSION_USER';
SET: 'SET';
SETOF: 'SETOF';
SHOW: 'SHOW';
SIMILAR: 'SIMILAR';
SIMPLE: 'SIMPLE';
SOME: 'SOME';
STABLE: 'STABLE';
START: 'START';
STATEMENT: 'STATEMENT';
STATISTICS: 'STATISTICS';
STORAGE: 'STORAGE';
STORED: 'STORED';
STRICT: 'STRICT';
SUBSTRING: 'SUBSTRING';
SYMMETRIC: 'SYMMETRIC';
SYSTEM: 'SYSTEM';
TABLE: 'TABLE';
TABLESPACE: 'TABLESPACE';
TEMP: 'TEMP';
TEMPORARY: 'TEMPORARY';
THEN: 'THEN';
TIES: 'TIES';
TIME: 'TIME';
TIMESTAMP: 'TIMESTAMP';
TO: 'TO';
TRAILING: 'TRAILING';
TRANSACTION: 'TRANSACTION';
TRIGGER: 'TRIGGER';
TRIM: 'TRIM';
TRUE: 'TRUE';
TYPE: 'TYPE';
UNBOUNDED: 'UNBOUNDED';
UNION: 'UNION';
UNIQUE: 'UNIQUE';
JSON: 'JSON';
OBJECT: 'OBJECT';
SCALAR: 'SCALAR';
KEYS: 'KEYS';
UNKNOWN: 'UNKNOWN';
UNLOGGED: 'UNLOGGED';
UPDATE: 'UPDATE';
USER: 'USER';
USING: 'USING';
VALID: 'VALID';
VALIDATE: 'VALIDATE';
VALUE: 'VALUE';
VALUES: 'VALUES';
VARIADIC: 'VARIADIC';
VARYING: 'VARYING';
VERSION: 'VERSION';
VIEW: 'VIEW';
VOLATILE: 'VOLATILE';
WHEN: 'WHEN';
WHERE: 'WHERE';
WINDOW: 'WINDOW';
WITH: 'WITH';
WITHIN: 'WITHIN';
WITHOUT: 'WITHOUT';
WORK: 'WORK';
YEAR: 'YEAR';
ZONE: 'ZONE';
STDIN: 'STDIN';
STDOUT: 'STDOUT';
SECURITY_INVOKER: 'SECURITY_INVOKER';
LOCK: 'LOCK';
TRUNCATE: 'TRUNCATE';
VACUUM: 'VACUUM';
REFRESH: 'REFRESH';
OPERATOR: 'OPERATOR';
CONVERSION: 'CONVERSION';
SERVER: 'SERVER';
WRAPPER: 'WRAPPER';
EVENT: 'EVENT';
PUBLICATION: 'PUBLICATION';
SUBSCRIPTION: 'SUBSCRIPTION';
ISOLATION: 'ISOLATION';
PRIVILEGES: 'PRIVILEGES';
IMPORT: 'IMPORT';
DISCARD: 'DISCARD';
CHECKPOINT: 'CHECKPOINT';
LISTEN: 'LISTEN';
NOTIFY: 'NOTIFY';
UNLISTEN: 'UNLISTEN';
PREPARE: 'PREPARE';
DEALLOCATE: 'DEALLOCATE';
EXPLAIN: 'EXPLAIN';
SAVEPOINT: 'SAVEPOINT';
RELEASE: 'RELEASE';
RENAME: 'RENAME';
REINDEX: 'REINDEX';
NAMES: 'NAMES';
LABEL: 'LABEL';
ABORT: 'ABORT';

QUOTED_IDENTIFIER: 'U&'? '"' (~'"' | '""')* '"';
IDENTIFIER: [a-z_\u0080-\uFFFF] [a-z_0-9$\u0080-\uFFFF]*;

DOLLAR_STRING: '$' ([a-z_\u0080-\uFFFF] [a-z_0-9\u0080-\uFFFF]*)? '$' { consumeDollarBody(); };

PARAM: '$' [0-9]+;

INTEGER_LITERAL: DIGITS;
NUMERIC_LITERAL: DIGITS '.' DIGITS? EXPONENT? | '.' DIGITS EXPONENT? | DIGITS EXPONENT | '0x' [0-9a-f_]+ | '0o' [0-7_]+ | '0b' [01_]+;

STRING: '\'' (~'\'' | '\'\'')* '\'';
ESCAPE_STRING: 'E\'' (~['\\] | '\'\'' | '\\' .)* '\'';
NATIONAL_STRING: 'N' STRING;
UNICODE_STRING: 'U&' STRING;
BIT_STRING: [bx] STRING;

UNTERMINATED_STRING: ('E' | 'N' | 'U&' | [bx])? '\'' (~'\'' | '\'\'' | '\\' .)* EOF { reportUnterminated("string literal"); };
UNTERMINATED_IDENTIFIER: 'U&'? '"' (~'"' | '""')* EOF { reportUnterminated("quoted identifier"); };

LINE_COMMENT: '--' ~[\r\n]* -> channel(HIDDEN);
/* block comments nest in PostgreSQL */
BLOCK_COMMENT: '/*' COMMENT_PART* '*'* '*/' -> channel(HIDDEN);
UNTERMINATED_COMMENT: '/*' COMMENT_PART* '*'* EOF { reportUnterminated("block comment"); };
fragment COMMENT_PART: BLOCK_COMMENT | ~[*/] | '/'+ ~[*/] | '/'+ BLOCK_COMMENT | '*'+ ~[*/];
WS: [ \t\r\n\f\u000B]+ -> channel(HIDDEN);

UNEXPECTED_CHAR: .;

fragment DIGITS: [0-9]+ ('_' [0-9]+)*;
fragment EXPONENT: 'e' [+-]? [0-9]+;
