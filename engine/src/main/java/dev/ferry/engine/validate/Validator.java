package dev.ferry.engine.validate;

import dev.ferry.engine.load.ColumnMapping;
import dev.ferry.engine.load.KeyRange;
import dev.ferry.engine.load.LoadEndpoint;
import dev.ferry.engine.load.Normalizer;
import dev.ferry.engine.load.RowFilter;
import dev.ferry.engine.load.Sql;
import dev.ferry.engine.load.TableJob;
import dev.ferry.engine.load.ValueKind;
import dev.ferry.engine.load.ValueReader;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.QualifiedName;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Compares loaded tables between source and target: row counts, then per range a SHA-256 checksum over NORMALISED
 * values ({@link Normalizer}: 1.0 in SQLite, 1.00 in numeric and 1 hash the same) computed in Java while streaming both
 * sides ordered by key, then, for ranges whose checksums differ, a row-level merge of the two ordered streams listing
 * missing, extra and different keys (at most {@link #maxListedKeys} each; all are counted). Tables without a key are
 * NOT_COMPARABLE beyond their counts. Text keys are ordered by code point on both sides (PostgreSQL {@code COLLATE "C"},
 * MySQL {@code BINARY}, SQLite's default).
 *
 * <p>Thread contract: {@link #compare(List)} blocks the caller; with {@code parallelism > 1} it compares tables on its
 * own daemon threads ("ferry-validate"), one connection per side per table. Instances are immutable. Pass a source
 * endpoint whose connections read the load's snapshot (e.g. {@code PostgresSourceSnapshot.openReader}) to validate a
 * live source exactly.
 */
public final class Validator {

    private final LoadEndpoint source;
    private final LoadEndpoint target;
    private final int maxListedKeys;
    private final int parallelism;

    public Validator(LoadEndpoint source, LoadEndpoint target, int maxListedKeys) {
        this(source, target, maxListedKeys, 1);
    }

    /** @param parallelism tables compared at the same time (each uses one connection per side) */
    public Validator(LoadEndpoint source, LoadEndpoint target, int maxListedKeys, int parallelism) {
        if (maxListedKeys < 0 || parallelism < 1) {
            throw new IllegalArgumentException("maxListedKeys must be >= 0 and parallelism >= 1");
        }
        this.source = source;
        this.target = target;
        this.maxListedKeys = maxListedKeys;
        this.parallelism = parallelism;
    }

    /** Compares every table of {@code tables}, with at most 100 keys listed per category. */
    public static List<TableValidation> compare(LoadEndpoint source, LoadEndpoint target, List<TableJob> tables) throws SQLException {
        return new Validator(source, target, 100).compare(tables);
    }

    /** Compares the tables ({@code parallelism} at a time); results in the order of {@code tables}. */
    public List<TableValidation> compare(List<TableJob> tables) throws SQLException {
        List<TableValidation> out = new ArrayList<>();
        if (parallelism == 1 || tables.size() < 2) {
            for (TableJob t : tables) {
                out.add(compare(t));
            }
            return out;
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                Math.min(parallelism, tables.size()), r -> {
                    Thread th = new Thread(r, "ferry-validate");
                    th.setDaemon(true);
                    return th;
                });
        try {
            List<java.util.concurrent.Future<TableValidation>> futures = new ArrayList<>();
            for (TableJob t : tables) {
                futures.add(pool.submit(() -> compare(t)));
            }
            for (java.util.concurrent.Future<TableValidation> f : futures) {
                try {
                    out.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof SQLException) {
                        throw (SQLException) e.getCause();
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("validation interrupted", e);
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One side of the comparison of one table. */
    private record Side(Engine engine, QualifiedName table, List<String> columns, List<ValueKind> kinds, List<String> keys,
                        int[] keyIndexes, RowFilter filter, List<ValueKind> norm, boolean[] padded) {
        Side withNorm(List<ValueKind> n, boolean[] p) {
            return new Side(engine, table, columns, kinds, keys, keyIndexes, filter, n, p);
        }
    }

    /**
     * Columns that are fixed-length CHAR on either side: trailing spaces are not significant there (MySQL strips them on
     * read, PostgreSQL's bpchar keeps the padding but ignores it in comparisons), so they are trimmed before hashing.
     */
    private static boolean[] padded(TableJob job) {
        List<ColumnMapping> cols = compared(job);
        boolean[] p = new boolean[cols.size()];
        for (int i = 0; i < p.length; i++) {
            ColumnMapping m = cols.get(i);
            p[i] = isChar(m.source().type().name()) || isChar(m.target().type().name());
        }
        return p;
    }

    private static boolean isChar(String typeName) {
        String n = typeName.toLowerCase(java.util.Locale.ROOT);
        return n.equals("char") || n.equals("character") || n.equals("bpchar") || n.equals("nchar");
    }

    /**
     * The kind each column is NORMALISED as on both sides (each side still READS by its own kind): JSON when either
     * side is JSON (canonical documents), TEXT when bytes meet text (bytes decoded as UTF-8), else each side's own.
     */
    static List<ValueKind> comparisonKinds(List<ValueKind> a, List<ValueKind> b, boolean sourceSide) {
        List<ValueKind> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            ValueKind x = a.get(i);
            ValueKind y = b.get(i);
            boolean textual = isTextual(x) && isTextual(y);
            if ((x == ValueKind.JSON || y == ValueKind.JSON) && textual) {
                out.add(ValueKind.JSON);
            } else if (x != y && textual && (x == ValueKind.BINARY || y == ValueKind.BINARY)) {
                out.add(ValueKind.TEXT);
            } else if (x != y && (x == ValueKind.TEXT || x == ValueKind.OTHER) && y != ValueKind.BINARY) {
                out.add(y); // text on one side (e.g. SQLite TEXT): compare as the typed side's values
            } else if (x != y && (y == ValueKind.TEXT || y == ValueKind.OTHER) && x != ValueKind.BINARY) {
                out.add(x);
            } else {
                out.add(sourceSide ? x : y);
            }
        }
        return out;
    }

    private static boolean isTextual(ValueKind k) {
        return k == ValueKind.TEXT || k == ValueKind.JSON || k == ValueKind.OTHER || k == ValueKind.BINARY;
    }

    public TableValidation compare(TableJob job) throws SQLException {
        Side s0 = side(job, true);
        Side t0 = side(job, false);
        boolean[] padded = padded(job);
        Side s = s0.withNorm(comparisonKinds(s0.kinds, t0.kinds, true), padded);
        Side t = t0.withNorm(comparisonKinds(s0.kinds, t0.kinds, false), padded);
        try (Connection sc = source.connections().open(); Connection tc = target.connections().open()) {
            prepare(sc);
            prepare(tc);
            Sql.utcSession(source.engine(), sc);
            Sql.utcSession(target.engine(), tc);
            long sourceRows = count(sc, s);
            long targetRows = count(tc, t);
            if (job.keyColumns().isEmpty()) {
                if (sourceRows == targetRows) {
                    return new TableValidation(job.tableKey(), TableValidation.Status.NOT_COMPARABLE, sourceRows, targetRows,
                            0, 0, 0, List.of(), List.of(), List.of(), List.of(), 0, 0,
                            "no primary or unique key: only the row counts were compared (equal)");
                }
                return new TableValidation(job.tableKey(), TableValidation.Status.MISMATCHED, sourceRows, targetRows,
                        Math.max(0, sourceRows - targetRows), Math.max(0, targetRows - sourceRows), 0, List.of(), List.of(),
                        List.of(), List.of(), 0, 0, "no primary or unique key: only the row counts were compared");
            }
            // partitions-list units: the target is not partitioned alike, so such a table is compared whole
            boolean whole = job.splitColumn() == null || job.partitionSplit();
            List<KeyRange> ranges = whole ? List.of(KeyRange.whole()) : job.ranges();
            List<String> sourceSplit = whole ? List.of() : job.splitColumns();
            List<String> targetSplit = whole ? List.of() : job.targetSplitColumns();
            boolean tuple = !whole && job.tupleSplit();
            Diff diff = new Diff();
            int differed = 0;
            for (KeyRange r : ranges) {
                byte[] hs = checksum(sc, s, sourceSplit, r);
                byte[] ht;
                try {
                    ht = checksum(tc, t, targetSplit, r);
                } catch (SQLException e) {
                    if (!tuple) {
                        throw e;
                    }
                    // the target cannot compare its key with the source's bound values (other types): diff whole
                    rollbackQuietly(tc);
                    ht = null;
                }
                if (!Arrays.equals(hs, ht)) {
                    differed++;
                    if (!tuple) {
                        diffRange(sc, s, sourceSplit, tc, t, targetSplit, r, diff);
                    }
                }
            }
            if (tuple && differed > 0) {
                // tuple bounds compare with the source's collation; the target may order keys differently, so a range
                // that differs is not evidence of a missing row: the whole table is diffed once, in key order
                diffRange(sc, s, List.of(), tc, t, List.of(), KeyRange.whole(), diff);
            }
            boolean same = diff.missing == 0 && diff.extra == 0 && diff.different == 0 && sourceRows == targetRows;
            return new TableValidation(job.tableKey(), same ? TableValidation.Status.VALIDATED : TableValidation.Status.MISMATCHED,
                    sourceRows, targetRows, diff.missing, diff.extra, diff.different, diff.missingKeys, diff.extraKeys,
                    diff.differentKeys, new ArrayList<>(diff.differentColumns), ranges.size(), differed, null);
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException ignored) {
            // the next statement reports a broken connection
        }
    }

    private static void prepare(Connection c) throws SQLException {
        if (c.getAutoCommit()) {
            c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
        }
    }

    private Side side(TableJob job, boolean isSource) {
        Engine e = isSource ? source.engine() : target.engine();
        List<String> cols = new ArrayList<>();
        List<ValueKind> kinds = new ArrayList<>();
        for (ColumnMapping m : compared(job)) {
            var c = isSource ? m.source() : m.target();
            cols.add(c.name());
            kinds.add(ValueKind.of(e, c.type()));
        }
        List<String> keys = new ArrayList<>();
        int[] idx = new int[job.keyColumns().size()];
        for (int k = 0; k < idx.length; k++) {
            String key = job.keyColumns().get(k);
            for (int i = 0; i < compared(job).size(); i++) {
                if (compared(job).get(i).source().name().equalsIgnoreCase(key)) {
                    idx[k] = i;
                    keys.add(cols.get(i));
                    break;
                }
            }
        }
        return new Side(e, isSource ? job.source().qualifiedName() : job.target(), cols, kinds, keys, idx,
                isSource ? job.filter() : null, kinds, new boolean[cols.size()]);
    }

    /**
     * The columns compared: every copied column. Columns computed by add-column expressions are not compared (the
     * source has no such column; the load evaluated the expression).
     */
    private static List<ColumnMapping> compared(TableJob job) {
        return job.columns().stream().filter(m -> m.computed() == null).toList();
    }

    private static long count(Connection c, Side s) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM " + Sql.quote(s.engine, s.table)
                + RowFilter.and("", s.filter, s.engine))) {
            if (s.filter != null) {
                s.filter.bind(s.engine, st, 1);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String select(Side s, List<String> split, KeyRange r) {
        StringBuilder sql = new StringBuilder("SELECT ").append(Sql.columnList(s.engine, s.columns)).append(" FROM ")
                .append(Sql.quote(s.engine, s.table));
        sql.append(RowFilter.and(split.isEmpty() ? "" : Sql.rangePredicate(s.engine, split, r), s.filter, s.engine));
        sql.append(" ORDER BY ");
        for (int k = 0; k < s.keys.size(); k++) {
            String q = Sql.quote(s.engine, s.keys.get(k));
            ValueKind kind = s.kinds.get(s.keyIndexes[k]);
            boolean text = kind == ValueKind.TEXT || kind == ValueKind.OTHER;
            if (k > 0) {
                sql.append(", ");
            }
            if (text && s.engine == Engine.POSTGRESQL) {
                // through text: uuid and other non-collatable types take no COLLATE (their text form orders alike)
                sql.append("CAST(").append(q).append(" AS text) COLLATE \"C\"");
            } else if (text && s.engine == Engine.MYSQL) {
                sql.append("BINARY ").append(q);
            } else {
                sql.append(q);
            }
        }
        return sql.toString();
    }

    /** Streams normalised rows of one range in key order. */
    private static final class RowStream implements AutoCloseable {
        private final PreparedStatement st;
        private final ResultSet rs;
        private final Side side;

        RowStream(Connection c, Side side, List<String> split, KeyRange r) throws SQLException {
            this.side = side;
            this.st = c.prepareStatement(select(side, split, r), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            st.setFetchSize(side.engine == Engine.MYSQL ? Integer.MIN_VALUE : 1000);
            if (side.filter != null) {
                side.filter.bind(side.engine, st, 1);
            }
            this.rs = st.executeQuery();
        }

        /** The next row's normalised values, or {@code null} at the end. */
        String[] next() throws SQLException {
            if (!rs.next()) {
                return null;
            }
            String[] row = new String[side.columns.size()];
            for (int i = 0; i < row.length; i++) {
                Object v;
                try {
                    v = ValueReader.read(side.engine, side.kinds.get(i), rs, i + 1);
                } catch (RuntimeException e) {
                    v = rs.getString(i + 1);
                }
                row[i] = Normalizer.normalize(v, side.norm.get(i));
                if (side.padded[i] && row[i] != null) {
                    row[i] = row[i].replaceAll(" +$", "");
                }
            }
            return row;
        }

        @Override
        public void close() throws SQLException {
            try {
                rs.close();
            } finally {
                st.close();
            }
        }
    }

    private static byte[] checksum(Connection c, Side s, List<String> split, KeyRange r) throws SQLException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (RowStream rows = new RowStream(c, s, split, r)) {
            String[] row;
            while ((row = rows.next()) != null) {
                for (String v : row) {
                    if (v == null) {
                        md.update((byte) 0);
                    } else {
                        byte[] b = v.getBytes(StandardCharsets.UTF_8);
                        md.update((byte) 1);
                        md.update(Integer.toString(b.length).getBytes(StandardCharsets.US_ASCII));
                        md.update((byte) ':');
                        md.update(b);
                    }
                }
                md.update((byte) '\n');
            }
        }
        return md.digest();
    }

    private final class Diff {
        long missing;
        long extra;
        long different;
        final List<String> missingKeys = new ArrayList<>();
        final List<String> extraKeys = new ArrayList<>();
        final List<String> differentKeys = new ArrayList<>();
        final java.util.Set<String> differentColumns = new java.util.LinkedHashSet<>();

        void add(List<String> list, String key) {
            if (list.size() < maxListedKeys) {
                list.add(key);
            }
        }
    }

    private void diffRange(Connection sc, Side s, List<String> sSplit, Connection tc, Side t, List<String> tSplit, KeyRange r, Diff d)
            throws SQLException {
        try (RowStream a = new RowStream(sc, s, sSplit, r); RowStream b = new RowStream(tc, t, tSplit, r)) {
            String[] x = a.next();
            String[] y = b.next();
            while (x != null || y != null) {
                int cmp = x == null ? 1 : y == null ? -1 : compareKeys(s, x, y);
                if (cmp < 0) {
                    d.missing++;
                    d.add(d.missingKeys, keyText(s, x));
                    x = a.next();
                } else if (cmp > 0) {
                    d.extra++;
                    d.add(d.extraKeys, keyText(s, y));
                    y = b.next();
                } else {
                    if (!Arrays.equals(x, y)) {
                        d.different++;
                        d.add(d.differentKeys, keyText(s, x));
                        for (int i = 0; i < x.length; i++) {
                            if (!java.util.Objects.equals(x[i], y[i])) {
                                d.differentColumns.add(s.columns.get(i));
                            }
                        }
                    }
                    x = a.next();
                    y = b.next();
                }
            }
        }
    }

    private static int compareKeys(Side s, String[] x, String[] y) {
        for (int k = 0; k < s.keyIndexes.length; k++) {
            int i = s.keyIndexes[k];
            String a = x[i];
            String b = y[i];
            int c;
            if (a == null || b == null) {
                c = a == null ? (b == null ? 0 : -1) : 1;
            } else {
                ValueKind kind = s.kinds.get(i);
                if (kind == ValueKind.INTEGER || kind == ValueKind.DECIMAL || kind == ValueKind.FLOAT) {
                    c = new BigDecimal(a).compareTo(new BigDecimal(b));
                } else {
                    c = compareCodePoints(a, b);
                }
            }
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static String keyText(Side s, String[] row) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < s.keyIndexes.length; k++) {
            if (k > 0) {
                sb.append(", ");
            }
            sb.append(s.keys.get(k)).append('=').append(row[s.keyIndexes[k]]);
        }
        return sb.toString();
    }
}
