package dev.ferry.engine.cdc.postgres;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Builds pgoutput protocol messages byte by byte, exactly as the server's logicalrep_write_* functions do. */
final class PgMessages {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(bytes);

    private PgMessages(char tag) {
        b(tag);
    }

    static PgMessages of(char tag) {
        return new PgMessages(tag);
    }

    PgMessages b(int v) {
        try {
            out.writeByte(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    PgMessages i16(int v) {
        try {
            out.writeShort(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    PgMessages i32(int v) {
        try {
            out.writeInt(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    PgMessages i64(long v) {
        try {
            out.writeLong(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    PgMessages str(String s) {
        raw(s.getBytes(StandardCharsets.UTF_8));
        return b(0);
    }

    PgMessages raw(byte[] data) {
        try {
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** TupleData: each value is null ('n'), PgMessages.TOAST ('u'), a byte[] (binary 'b') or text ('t'). */
    PgMessages tuple(Object... values) {
        i16(values.length);
        for (Object v : values) {
            if (v == null) {
                b('n');
            } else if (v == TOAST) {
                b('u');
            } else if (v instanceof byte[] raw) {
                b('b').i32(raw.length).raw(raw);
            } else {
                byte[] t = v.toString().getBytes(StandardCharsets.UTF_8);
                b('t').i32(t.length).raw(t);
            }
        }
        return this;
    }

    static final Object TOAST = new Object();

    ByteBuffer buffer() {
        return ByteBuffer.wrap(bytes.toByteArray());
    }

    // ---- whole messages ----

    /** Microseconds since 2000-01-01 for 2024-05-01T10:00:00Z. */
    static final long T0 = (1714557600L - 946684800L) * 1_000_000L;

    static ByteBuffer begin(long finalLsn, int xid) {
        return of('B').i64(finalLsn).i64(T0).i32(xid).buffer();
    }

    static ByteBuffer commit(long commitLsn, long endLsn) {
        return of('C').b(0).i64(commitLsn).i64(endLsn).i64(T0 + 1_000_000).buffer();
    }

    /** Relation message: columns as {flags, name, typeOid, typmod}. */
    static ByteBuffer relation(Integer xid, int relId, String ns, String name, char identity, Object[]... cols) {
        PgMessages m = of('R');
        if (xid != null) {
            m.i32(xid);
        }
        m.i32(relId).str(ns).str(name).b(identity).i16(cols.length);
        for (Object[] c : cols) {
            m.b((Integer) c[0]).str((String) c[1]).i32((Integer) c[2]).i32((Integer) c[3]);
        }
        return m.buffer();
    }

    static ByteBuffer insert(Integer xid, int relId, Object... values) {
        PgMessages m = of('I');
        if (xid != null) {
            m.i32(xid);
        }
        return m.i32(relId).b('N').tuple(values).buffer();
    }

    static ByteBuffer streamStart(int xid, boolean first) {
        return of('S').i32(xid).b(first ? 1 : 0).buffer();
    }

    static ByteBuffer streamStop() {
        return of('E').buffer();
    }

    static ByteBuffer streamCommit(int xid, long commitLsn, long endLsn) {
        return of('c').i32(xid).b(0).i64(commitLsn).i64(endLsn).i64(T0).buffer();
    }

    static ByteBuffer streamAbort(int xid, int subXid) {
        return of('A').i32(xid).i32(subXid).buffer();
    }
}
