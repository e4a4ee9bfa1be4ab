package dev.ferry.engine.cdc.oracle;

import java.time.Instant;

/**
 * One row of {@code V$LOGMNR_CONTENTS} as {@link OracleLogMinerSource} selects it. Immutable.
 *
 * @param scn           {@code SCN}
 * @param operationCode {@code OPERATION_CODE}: 1 INSERT, 2 DELETE, 3 UPDATE, 5 DDL, 6 START, 7 COMMIT, 36 ROLLBACK
 * @param xid           {@code RAWTOHEX(XID)}
 * @param owner         {@code SEG_OWNER}
 * @param table         {@code TABLE_NAME}
 * @param sqlRedo       {@code SQL_REDO} (a fragment when {@code continued})
 * @param continued     {@code CSF = 1}: {@code SQL_REDO} goes on in the next row of the same transaction
 * @param rollback      {@code ROLLBACK = 1}: the row undoes an earlier change of the transaction (rollback to savepoint)
 * @param rowId         {@code ROW_ID}
 * @param timestamp     {@code TIMESTAMP} (for a COMMIT: the commit time)
 */
public record LogMinerRow(long scn, int operationCode, String xid, String owner, String table, String sqlRedo,
                          boolean continued, boolean rollback, String rowId, Instant timestamp) {

    public static final int INSERT = 1;
    public static final int DELETE = 2;
    public static final int UPDATE = 3;
    public static final int DDL = 5;
    public static final int START = 6;
    public static final int COMMIT = 7;
    public static final int ROLLBACK = 36;
}
