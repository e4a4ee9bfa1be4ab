package dev.ferry.converter.parse.oracle;

import dev.ferry.grammar.oracle.OracleLexer;
import dev.ferry.grammar.oracle.OracleParser;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises the classic Oracle "sequence + trigger" surrogate key pattern, parse-tree driven:
 * <pre>
 * CREATE TRIGGER t BEFORE INSERT ON tab FOR EACH ROW [WHEN (NEW.id IS NULL)]
 * BEGIN
 *   [IF :NEW.id IS NULL THEN]
 *     SELECT seq.NEXTVAL INTO :NEW.id FROM DUAL;   -- or  :NEW.id := seq.NEXTVAL;
 *   [END IF;]
 * END;
 * </pre>
 * which PostgreSQL expresses as a column default {@code nextval('seq')}.
 *
 * <p>Threading: stateless.
 */
public final class OracleSequenceTriggers {

    /**
     * A recognised trigger (Oracle catalog spellings).
     *
     * @param onlyWhenNull true when the trigger only fills the column if it is NULL (a default has exactly that meaning)
     */
    public record Match(String trigger, String table, String column, String sequence, boolean onlyWhenNull) {
    }

    private OracleSequenceTriggers() {
    }

    /** The pattern in {@code statement}, if it is such a trigger. */
    public static Optional<Match> match(OracleParsedStatement statement) {
        if (!(statement.handle().tree().getChild(0) instanceof OracleParser.CreateTriggerContext ct)) {
            return Optional.empty();
        }
        if (ct.BEFORE() == null || ct.ROW() == null || ct.dmlEventClause() == null
                || ct.dmlEventClause().dmlEvent().size() != 1 || ct.dmlEventClause().dmlEvent(0).INSERT() == null
                || ct.triggerBody().anonymousBlock() == null) {
            return Optional.empty();
        }
        String newName = "NEW";
        if (ct.referencingClause() != null) {
            var rc = ct.referencingClause();
            for (int i = 0; i < rc.getChildCount(); i++) {
                if (rc.getChild(i).getText().equalsIgnoreCase("NEW")) {
                    for (int j = i + 1; j < rc.getChildCount(); j++) {
                        if (rc.getChild(j) instanceof OracleParser.IdentifierContext id) {
                            newName = OracleScriptSchemaBuilder.name(id);
                            break;
                        }
                    }
                }
            }
        }
        boolean whenNull = false;
        String whenColumn = null;
        if (ct.condition() != null) {
            whenColumn = isNullTest(ct.condition(), newName, false);
            if (whenColumn == null) {
                return Optional.empty();
            }
            whenNull = true;
        }
        OracleParser.AnonymousBlockContext block = ct.triggerBody().anonymousBlock();
        if (!block.declareItem().isEmpty() || block.exceptionSection() != null) {
            return Optional.empty();
        }
        List<OracleParser.LabeledStatementContext> stmts = block.statements().labeledStatement();
        if (stmts.size() != 1) {
            return Optional.empty();
        }
        OracleParser.PlsqlStatementContext st = stmts.get(0).plsqlStatement();
        if (st.ifStatement() != null) {
            OracleParser.IfStatementContext ifs = st.ifStatement();
            if (ifs.condition().size() != 1 || ifs.ELSE() != null || ifs.statements().size() != 1
                    || ifs.statements(0).labeledStatement().size() != 1) {
                return Optional.empty();
            }
            whenColumn = isNullTest(ifs.condition(0), newName, true);
            if (whenColumn == null) {
                return Optional.empty();
            }
            whenNull = true;
            st = ifs.statements(0).labeledStatement(0).plsqlStatement();
        }
        String[] colSeq = assignment(st, newName);
        if (colSeq == null || (whenColumn != null && !whenColumn.equals(colSeq[0]))) {
            return Optional.empty();
        }
        var tableIds = ct.dmlEventClause().objectName().identifier();
        String table = OracleScriptSchemaBuilder.name(tableIds.get(tableIds.size() - 1));
        var trigIds = ct.objectName().identifier();
        return Optional.of(new Match(OracleScriptSchemaBuilder.name(trigIds.get(trigIds.size() - 1)), table, colSeq[0],
                colSeq[1], whenNull));
    }

    /** {@code [:]NEW.col IS NULL} → col. */
    private static String isNullTest(OracleParser.ConditionContext c, String newName, boolean bind) {
        if (!(c instanceof OracleParser.PredicateConditionContext pc) || pc.predicate().predicateTail() == null
                || pc.predicate().predicateTail().IS() == null || pc.predicate().predicateTail().NOT() != null
                || pc.predicate().predicateTail().NULL_() == null) {
            return null;
        }
        return newColumn(pc.predicate().expression(), newName);
    }

    /** {@code :NEW.col} or {@code NEW.col} as an expression → col. */
    private static String newColumn(OracleParser.ExpressionContext e, String newName) {
        if (!(e instanceof OracleParser.PrimaryExpressionContext pe) || !(pe.primary() instanceof OracleParser.ReferencePrimaryContext rp)) {
            return null;
        }
        return newColumn(rp.reference().getStart(), rp.reference().referenceSuffix(), rp.reference().identifier(), newName);
    }

    private static String newColumn(org.antlr.v4.runtime.Token first, List<OracleParser.ReferenceSuffixContext> suffixes,
                                    OracleParser.IdentifierContext id, String newName) {
        String head = first.getType() == OracleLexer.BIND_VARIABLE ? first.getText().substring(1).toUpperCase(Locale.ROOT)
                : id != null ? OracleScriptSchemaBuilder.name(id) : null;
        if (head == null || !head.equalsIgnoreCase(newName) || suffixes.size() != 1 || suffixes.get(0).DOT() == null
                || suffixes.get(0).identifier().size() != 1) {
            return null;
        }
        return OracleScriptSchemaBuilder.name(suffixes.get(0).identifier(0));
    }

    /** {@code seq.NEXTVAL} → seq. */
    private static String nextval(OracleParser.ReferenceContext r) {
        if (r == null || r.identifier() == null || r.referenceSuffix().size() != 1 || r.referenceSuffix(0).DOT() == null
                || r.referenceSuffix(0).identifier().size() != 1
                || !OracleScriptSchemaBuilder.name(r.referenceSuffix(0).identifier(0)).equals("NEXTVAL")) {
            return null;
        }
        return OracleScriptSchemaBuilder.name(r.identifier());
    }

    private static OracleParser.ReferenceContext reference(OracleParser.ConditionContext c) {
        if (c instanceof OracleParser.PredicateConditionContext pc && pc.predicate().predicateTail() == null
                && pc.predicate().expression() instanceof OracleParser.PrimaryExpressionContext pe
                && pe.primary() instanceof OracleParser.ReferencePrimaryContext rp) {
            return rp.reference();
        }
        return null;
    }

    /** {@code :NEW.col := seq.NEXTVAL;} or {@code SELECT seq.NEXTVAL INTO :NEW.col FROM DUAL;} → {col, seq}. */
    private static String[] assignment(OracleParser.PlsqlStatementContext st, String newName) {
        if (st.variableRef() != null && st.ASSIGN() != null) {
            OracleParser.VariableRefContext v = st.variableRef();
            String col = newColumn(v.getStart(), v.referenceSuffix(), v.identifier(), newName);
            String seq = nextval(reference(st.condition()));
            return col == null || seq == null ? null : new String[]{col, seq};
        }
        if (st.sqlStatement() != null && st.sqlStatement().query() != null) {
            OracleParser.QueryContext q = st.sqlStatement().query();
            if (q.withClause() != null || q.queryExpression().queryTerm().size() != 1
                    || q.queryExpression().queryTerm(0).querySpecification() == null) {
                return null;
            }
            OracleParser.QuerySpecificationContext spec = q.queryExpression().queryTerm(0).querySpecification();
            if (spec.intoClause() == null || spec.intoClause().variableRef().size() != 1
                    || spec.selectList().selectItem().size() != 1 || spec.selectList().selectItem(0).expression() == null
                    || spec.whereClause() != null || spec.tableReference().size() != 1
                    || !spec.tableReference(0).getText().equalsIgnoreCase("DUAL")) {
                return null;
            }
            OracleParser.VariableRefContext v = spec.intoClause().variableRef(0);
            String col = newColumn(v.getStart(), v.referenceSuffix(), v.identifier(), newName);
            OracleParser.ExpressionContext e = spec.selectList().selectItem(0).expression();
            String seq = e instanceof OracleParser.PrimaryExpressionContext pe && pe.primary() instanceof OracleParser.ReferencePrimaryContext rp
                    ? nextval(rp.reference()) : null;
            return col == null || seq == null ? null : new String[]{col, seq};
        }
        return null;
    }
}
