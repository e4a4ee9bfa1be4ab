package dev.ferry.converter.parse.mysql;

import dev.ferry.grammar.mysql.MySqlParser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;

/** Statement kind and object name of a parsed statement (package-private: works on ANTLR trees). */
final class MySqlStatementClassifier {

    private MySqlStatementClassifier() {
    }

    static MySqlStatementKind kind(MySqlParser.SqlStatementContext stmt) {
        ParseTree c = stmt.getChild(0);
        if (c instanceof MySqlParser.CreateTableContext) {
            return MySqlStatementKind.CREATE_TABLE;
        } else if (c instanceof MySqlParser.CreateIndexContext) {
            return MySqlStatementKind.CREATE_INDEX;
        } else if (c instanceof MySqlParser.CreateViewContext) {
            return MySqlStatementKind.CREATE_VIEW;
        } else if (c instanceof MySqlParser.CreateProcedureContext) {
            return MySqlStatementKind.CREATE_PROCEDURE;
        } else if (c instanceof MySqlParser.CreateFunctionContext) {
            return MySqlStatementKind.CREATE_FUNCTION;
        } else if (c instanceof MySqlParser.CreateTriggerContext) {
            return MySqlStatementKind.CREATE_TRIGGER;
        } else if (c instanceof MySqlParser.CreateEventContext) {
            return MySqlStatementKind.CREATE_EVENT;
        } else if (c instanceof MySqlParser.CreateDatabaseContext) {
            return MySqlStatementKind.CREATE_DATABASE;
        } else if (c instanceof MySqlParser.AlterTableContext) {
            return MySqlStatementKind.ALTER_TABLE;
        } else if (c instanceof MySqlParser.AlterDatabaseContext) {
            return MySqlStatementKind.ALTER_DATABASE;
        } else if (c instanceof MySqlParser.DropTableContext) {
            return MySqlStatementKind.DROP_TABLE;
        } else if (c instanceof MySqlParser.DropViewContext) {
            return MySqlStatementKind.DROP_VIEW;
        } else if (c instanceof MySqlParser.DropIndexStatementContext) {
            return MySqlStatementKind.DROP_INDEX;
        } else if (c instanceof MySqlParser.DropProcedureContext || c instanceof MySqlParser.DropFunctionContext) {
            return MySqlStatementKind.DROP_ROUTINE;
        } else if (c instanceof MySqlParser.DropTriggerContext) {
            return MySqlStatementKind.DROP_TRIGGER;
        } else if (c instanceof MySqlParser.DropEventContext) {
            return MySqlStatementKind.DROP_EVENT;
        } else if (c instanceof MySqlParser.DropDatabaseContext) {
            return MySqlStatementKind.DROP_DATABASE;
        } else if (c instanceof MySqlParser.RenameTableContext) {
            return MySqlStatementKind.RENAME_TABLE;
        } else if (c instanceof MySqlParser.TruncateTableContext) {
            return MySqlStatementKind.TRUNCATE;
        } else if (c instanceof MySqlParser.InsertStatementContext ins) {
            return ins.REPLACE() != null ? MySqlStatementKind.REPLACE : MySqlStatementKind.INSERT;
        } else if (c instanceof MySqlParser.UpdateStatementContext) {
            return MySqlStatementKind.UPDATE;
        } else if (c instanceof MySqlParser.DeleteStatementContext) {
            return MySqlStatementKind.DELETE;
        } else if (c instanceof MySqlParser.SelectStatementContext) {
            return MySqlStatementKind.SELECT;
        } else if (c instanceof MySqlParser.SetStatementContext) {
            return MySqlStatementKind.SET;
        } else if (c instanceof MySqlParser.UseStatementContext) {
            return MySqlStatementKind.USE;
        } else if (c instanceof MySqlParser.LockTablesContext) {
            return MySqlStatementKind.LOCK_TABLES;
        } else if (c instanceof MySqlParser.UnlockTablesContext) {
            return MySqlStatementKind.UNLOCK_TABLES;
        } else if (c instanceof MySqlParser.TransactionStatementContext || c instanceof MySqlParser.BeginWorkContext) {
            return MySqlStatementKind.TRANSACTION;
        } else if (c instanceof MySqlParser.CallStatementContext) {
            return MySqlStatementKind.CALL;
        } else if (c instanceof MySqlParser.PrepareStatementContext || c instanceof MySqlParser.ExecuteStatementContext
                || c instanceof MySqlParser.DeallocateStatementContext) {
            return MySqlStatementKind.PREPARED_STATEMENT;
        }
        return MySqlStatementKind.OTHER;
    }

    /** The object name as written, or null; never throws on the partial trees of statements with syntax errors. */
    static String objectName(MySqlParser.SqlStatementContext stmt) {
        try {
            return objectNameOrThrow(stmt);
        } catch (RuntimeException partialTree) {
            return null;
        }
    }

    private static String text(ParserRuleContext ctx) {
        return ctx == null || ctx.getChildCount() == 0 ? null : ctx.getText();
    }

    private static String objectNameOrThrow(MySqlParser.SqlStatementContext stmt) {
        ParseTree c = stmt.getChild(0);
        if (c instanceof MySqlParser.CreateTableContext x) {
            return text(x.tableName());
        } else if (c instanceof MySqlParser.CreateIndexContext x) {
            return text(x.indexName());
        } else if (c instanceof MySqlParser.CreateViewContext x) {
            return text(x.tableName());
        } else if (c instanceof MySqlParser.CreateProcedureContext x) {
            return text(x.fullId());
        } else if (c instanceof MySqlParser.CreateFunctionContext x) {
            return text(x.fullId());
        } else if (c instanceof MySqlParser.CreateTriggerContext x) {
            return text(x.fullId(0));
        } else if (c instanceof MySqlParser.CreateEventContext x) {
            return text(x.fullId());
        } else if (c instanceof MySqlParser.CreateDatabaseContext x) {
            return text(x.id());
        } else if (c instanceof MySqlParser.AlterTableContext x) {
            return text(x.tableName());
        } else if (c instanceof MySqlParser.AlterDatabaseContext x) {
            return text(x.id());
        } else if (c instanceof MySqlParser.DropTableContext x) {
            return x.tableNameList() == null ? null : text(x.tableNameList().tableName(0));
        } else if (c instanceof MySqlParser.DropViewContext x) {
            return x.tableNameList() == null ? null : text(x.tableNameList().tableName(0));
        } else if (c instanceof MySqlParser.DropIndexStatementContext x) {
            return text(x.id(0));
        } else if (c instanceof MySqlParser.DropProcedureContext x) {
            return text(x.fullId());
        } else if (c instanceof MySqlParser.DropFunctionContext x) {
            return text(x.fullId());
        } else if (c instanceof MySqlParser.DropTriggerContext x) {
            return text(x.fullId());
        } else if (c instanceof MySqlParser.DropEventContext x) {
            return text(x.fullId());
        } else if (c instanceof MySqlParser.DropDatabaseContext x) {
            return text(x.id());
        } else if (c instanceof MySqlParser.RenameTableContext x) {
            return text(x.tableName(0));
        } else if (c instanceof MySqlParser.TruncateTableContext x) {
            return text(x.tableName());
        } else if (c instanceof MySqlParser.InsertStatementContext x) {
            return text(x.tableName());
        } else if (c instanceof MySqlParser.UpdateStatementContext x) {
            MySqlParser.TableReferenceContext first = x.tableReferences().tableReference(0);
            return first.tableFactor() instanceof MySqlParser.TableSourceContext src ? text(src.tableName()) : null;
        } else if (c instanceof MySqlParser.DeleteStatementContext x) {
            if (x.tableName() != null) {
                return text(x.tableName());
            }
            return x.deleteTarget().isEmpty() ? null : text(x.deleteTarget(0).fullId());
        } else if (c instanceof MySqlParser.UseStatementContext x) {
            return text(x.id());
        } else if (c instanceof MySqlParser.CallStatementContext x) {
            return text(x.fullId());
        }
        return null;
    }
}
