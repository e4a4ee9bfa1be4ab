/*
 * Ferry SQLite lexer. Written for Ferry from the SQLite documentation (lang_*.html); keywords are case-insensitive,
 * quoted identifiers ("x", [x], `x`) are kept exactly as written.
 */
lexer grammar SqliteLexer;

options { caseInsensitive = true; }

// package dev.ferry.grammar.sqlite: added by antlr4-maven-plugin from the folder (an explicit @header would duplicate it)

@members {
    /** A block comment that ran into the end of input is reported (nested ones are checked as a whole). */
    private void checkCommentClosed() {
        String text = getText();
        if (text.length() < 4 || !text.endsWith("*/")) {
            reportUnterminated("block comment");
        }
    }

    /** Reports an unterminated literal through the lexer's error listeners (the token still reaches the parser). */
    private void reportUnterminated(String what) {
        getErrorListenerDispatch().syntaxError(this, null, _tokenStartLine, _tokenStartCharPositionInLine,
                "unterminated " + what, null);
    }
}

SEMI: ';';
DOT: '.';
LPAREN: '(';
RPAREN: ')';
COMMA: ',';
ASSIGN: '=';
STAR: '*';
PLUS: '+';
MINUS: '-';
TILDE: '~';
PIPE2: '||';
DIV: '/';
MOD: '%';
LT2: '<<';
GT2: '>>';
AMP: '&';
PIPE: '|';
LT: '<';
LT_EQ: '<=';
GT: '>';
GT_EQ: '>=';
EQ: '==';
NOT_EQ1: '!=';
NOT_EQ2: '<>';
JPTR: '->';
JPTR2: '->>';

ABORT: 'ABORT';
ACTION: 'ACTION';
ADD: 'ADD';
AFTER: 'AFTER';
ALL: 'ALL';
ALTER: 'ALTER';
ALWAYS: 'ALWAYS';
ANALYZE: 'ANALYZE';
AND: 'AND';
AS: 'AS';
ASC: 'ASC';
ATTACH: 'ATTACH';
AUTOINCREMENT: 'AUTOINCREMENT';
BEFORE: 'BEFORE';
BEGIN: 'BEGIN';
BETWEEN: 'BETWEEN';
BY: 'BY';
CASCADE: 'CASCADE';
CASE: 'CASE';
CAST: 'CAST';
CHECK: 'CHECK';
COLLATE: 'COLLATE';
COLUMN: 'COLUMN';
COMMIT: 'COMMIT';
CONFLICT: 'CONFLICT';
CONSTRAINT: 'CONSTRAINT';
CREATE: 'CREATE';
CROSS: 'CROSS';
CURRENT: 'CURRENT';
CURRENT_DATE: 'CURRENT_DATE';
CURRENT_TIME: 'CURRENT_TIME';
CURRENT_TIMESTAMP: 'CURRENT_TIMESTAMP';
DATABASE: 'DATABASE';
DEFAULT: 'DEFAULT';
DEFERRABLE: 'DEFERRABLE';
DEFERRED: 'DEFERRED';
DELETE: 'DELETE';
DESC: 'DESC';
DETACH: 'DETACH';
DISTINCT: 'DISTINCT';
DO: 'DO';
DROP: 'DROP';
EACH: 'EACH';
ELSE: 'ELSE';
END: 'END';
ESCAPE: 'ESCAPE';
EXCEPT: 'EXCEPT';
EXCLUDE: 'EXCLUDE';
EXCLUSIVE: 'EXCLUSIVE';
EXISTS: 'EXISTS';
EXPLAIN: 'EXPLAIN';
FAIL: 'FAIL';
FILTER: 'FILTER';
FIRST: 'FIRST';
FOLLOWING: 'FOLLOWING';
FOR: 'FOR';
FOREIGN: 'FOREIGN';
FROM: 'FROM';
FULL: 'FULL';
GENERATED: 'GENERATED';
GLOB: 'GLOB';
GROUP: 'GROUP';
GROUPS: 'GROUPS';
HAVING: 'HAVING';
IF: 'IF';
IGNORE: 'IGNORE';
IMMEDIATE: 'IMMEDIATE';
IN: 'IN';
INDEX: 'INDEX';
INDEXED: 'INDEXED';
INITIALLY: 'INITIALLY';
INNER: 'INNER';
INSERT: 'INSERT';
INSTEAD: 'INSTEAD';
INTERSECT: 'INTERSECT';
INTO: 'INTO';
IS: 'IS';
ISNULL: 'ISNULL';
JOIN: 'JOIN';
KEY: 'KEY';
LAST: 'LAST';
LEFT: 'LEFT';
LIKE: 'LIKE';
LIMIT: 'LIMIT';
MATCH: 'MATCH';
MATERIALIZED: 'MATERIALIZED';
NATURAL: 'NATURAL';
NO: 'NO';
NOT: 'NOT';
NOTHING: 'NOTHING';
NOTNULL: 'NOTNULL';
NULL: 'NULL';
NULLS: 'NULLS';
OF: 'OF';
OFFSET: 'OFFSET';
ON: 'ON';
OR: 'OR';
ORDER: 'ORDER';
OTHERS: 'OTHERS';
OUTER: 'OUTER';
OVER: 'OVER';
PARTITION: 'PARTITION';
PLAN: 'PLAN';
PRAGMA: 'PRAGMA';
PRECEDING: 'PRECEDING';
PRIMARY: 'PRIMARY';
QUERY: 'QUERY';
RAISE: 'RAISE';
RANGE: 'RANGE';
RECURSIVE: 'RECURSIVE';
REFERENCES: 'REFERENCES';
REGEXP: 'REGEXP';
REINDEX: 'REINDEX';
RELEASE: 'RELEASE';
RENAME: 'RENAME';
REPLACE: 'REPLACE';
RESTRICT: 'RESTRICT';
RETURNING: 'RETURNING';
RIGHT: 'RIGHT';
ROLLBACK: 'ROLLBACK';
ROW: 'ROW';
ROWID: 'ROWID';
ROWS: 'ROWS';
SAVEPOINT: 'SAVEPOINT';
SELECT: 'SELECT';
SET: 'SET';
STORED: 'STORED';
STRICT: 'STRICT';
TABLE: 'TABLE';
TEMP: 'TEMP';
TEMPORARY: 'TEMPORARY';
THEN: 'THEN';
TIES: 'TIES';
TO: 'TO';
TRANSACTION: 'TRANSACTION';
TRIGGER: 'TRIGGER';
UNBOUNDED: 'UNBOUNDED';
UNION: 'UNION';
UNIQUE: 'UNIQUE';
UPDATE: 'UPDATE';
USING: 'USING';
VACUUM: 'VACUUM';
VALUES: 'VALUES';
VIEW: 'VIEW';
VIRTUAL: 'VIRTUAL';
WHEN: 'WHEN';
WHERE: 'WHERE';
WINDOW: 'WINDOW';
WITH: 'WITH';
WITHOUT: 'WITHOUT';

/* "x", `x` and [x] are identifiers; the parser keeps the text as written. */
QUOTED_IDENTIFIER
    : '"' (~'"' | '""')* '"'
    | '`' (~'`' | '``')* '`'
    | '[' ~']'* ']'
    ;

IDENTIFIER: [a-z_\u0080-\uFFFF] [a-z_0-9$\u0080-\uFFFF]*;

NUMERIC_LITERAL
    : DIGITS ('.' DIGITS?)? EXPONENT?
    | '.' DIGITS EXPONENT?
    | '0x' HEX_DIGIT+
    ;

BIND_PARAMETER: '?' DIGITS? | [:@$] [a-z_0-9]+;

STRING_LITERAL: '\'' (~'\'' | '\'\'')* '\'';

BLOB_LITERAL: 'x' STRING_LITERAL;

UNTERMINATED_STRING: '\'' (~'\'' | '\'\'')* EOF { reportUnterminated("string literal"); };
UNTERMINATED_IDENTIFIER: ('"' (~'"' | '""')* | '`' (~'`' | '``')* | '[' ~']'*) EOF { reportUnterminated("quoted identifier"); };

LINE_COMMENT: '--' ~[\r\n]* -> channel(HIDDEN);
BLOCK_COMMENT: '/*' .*? ('*/' | EOF) { checkCommentClosed(); } -> channel(HIDDEN);
WS: [ \t\r\n\f\u000B]+ -> channel(HIDDEN);

UNEXPECTED_CHAR: .;

fragment DIGITS: [0-9]+ ('_' [0-9]+)*;
fragment EXPONENT: 'e' [+-]? [0-9]+;
fragment HEX_DIGIT: [0-9a-f];
