package dev.ferry.engine.cdc;

import dev.ferry.model.schema.QualifiedName;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One event of a source's change stream, neutral across source engines. A stream is a sequence of transactions
 * ({@link Begin}, then {@link RowChange} / {@link Truncate} / {@link RelationChange} / transactional
 * {@link LogicalMessage}, then {@link Commit}) in commit order; non-transactional {@link LogicalMessage}s may appear
 * between transactions. Every event has a {@link SourcePosition}; positions strictly increase along the stream.
 *
 * <p>Events are immutable and thread-safe (row value lists are unmodifiable; {@code byte[]} values are shared and must
 * not be modified).
 */
public sealed interface ChangeEvent permits ChangeEvent.Begin, ChangeEvent.RowChange, ChangeEvent.Truncate,
        ChangeEvent.Commit, ChangeEvent.RelationChange, ChangeEvent.LogicalMessage {

    /** Where the event is in the source's stream. */
    SourcePosition position();

    /** Start of a transaction. */
    record Begin(String transactionId, SourcePosition position, Instant commitTime) implements ChangeEvent {
        public Begin {
            Objects.requireNonNull(position, "position");
        }
    }

    /** End of a transaction; acknowledging {@link #position()} confirms the whole transaction. */
    record Commit(String transactionId, SourcePosition position, Instant commitTime) implements ChangeEvent {
        public Commit {
            Objects.requireNonNull(position, "position");
        }
    }

    /** The kind of row change. */
    enum Operation { INSERT, UPDATE, DELETE }

    /** How much of the old row a {@link RowChange} carries. */
    enum BeforeImage {
        /** No old row values (inserts; updates that did not change the key under the default replica identity). */
        NONE,
        /** Only the key columns ({@link ChangeColumn#key()}) hold old values; the others are {@code null}. */
        KEY,
        /** All columns hold old values (PostgreSQL REPLICA IDENTITY FULL). */
        FULL
    }

    /**
     * An inserted, updated or deleted row. Values are in {@link #columns()} order; a value is a Java object
     * ({@code Short}, {@code Integer}, {@code Long}, {@code BigDecimal}, {@link SpecialNumber}, {@code Float},
     * {@code Double}, {@code Boolean}, {@code String}, {@code byte[]}, {@code java.time} types, {@link IntervalValue},
     * {@code UUID}, {@link TypedText}), {@code null} for SQL NULL, or {@link ValueMarker#UNCHANGED_TOAST}.
     *
     * @param before values of the old row, or {@code null} when {@link #beforeImage()} is {@code NONE}
     * @param after  values of the new row, or {@code null} for deletes
     */
    record RowChange(Operation operation, QualifiedName table, List<ChangeColumn> columns, BeforeImage beforeImage,
                     List<Object> before, List<Object> after, SourcePosition position) implements ChangeEvent {
        public RowChange {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(position, "position");
            columns = List.copyOf(columns);
            before = before == null ? null : unmodifiable(before);
            after = after == null ? null : unmodifiable(after);
            beforeImage = before == null ? BeforeImage.NONE : Objects.requireNonNull(beforeImage, "beforeImage");
        }

        /** Whether column {@code index} of the new row is an unchanged TOAST value that was not sent. */
        public boolean isUnchangedToast(int index) {
            return after != null && after.get(index) == ValueMarker.UNCHANGED_TOAST;
        }

        /** The new value of the named column (or the old one for deletes). */
        public Object value(String column) {
            List<Object> row = after != null ? after : before;
            return row == null ? null : row.get(indexOf(column));
        }

        /** The old value of the named column, {@code null} when there is no old row. */
        public Object oldValue(String column) {
            return before == null ? null : before.get(indexOf(column));
        }

        /** Index of the named column; throws when the table has no such column. */
        public int indexOf(String column) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).name().equals(column)) {
                    return i;
                }
            }
            throw new IllegalArgumentException("table " + table + " has no column " + column);
        }

        private static List<Object> unmodifiable(List<Object> values) {
            if (values instanceof Row) {
                return values; // already an unmodifiable list nobody else holds the array of
            }
            return Collections.unmodifiableList(new ArrayList<>(values));
        }

        /**
         * Row values for a {@link RowChange} without a defensive copy: the list takes ownership of {@code values},
         * which the caller must not touch afterwards (for decoders that build a fresh array per row).
         */
        public static List<Object> row(Object[] values) {
            return new Row(values);
        }
    }

    /** An unmodifiable, null-permitting list over an array the list owns ({@link RowChange#row}). */
    final class Row extends java.util.AbstractList<Object> implements java.util.RandomAccess {
        private final Object[] values;

        private Row(Object[] values) {
            this.values = Objects.requireNonNull(values, "values");
        }

        @Override
        public Object get(int index) {
            return values[index];
        }

        @Override
        public int size() {
            return values.length;
        }

        @Override
        public Object[] toArray() {
            return values.clone();
        }
    }

    /** All rows of the tables were removed ({@code TRUNCATE}). */
    record Truncate(List<QualifiedName> tables, boolean cascade, boolean restartIdentity, SourcePosition position)
            implements ChangeEvent {
        public Truncate {
            tables = List.copyOf(tables);
            Objects.requireNonNull(position, "position");
        }
    }

    /**
     * The source announced a different column list or name for a table it had described before (DDL happened). The
     * following row changes of that table use {@link #newColumns()}.
     */
    record RelationChange(QualifiedName oldTable, QualifiedName table, List<ChangeColumn> oldColumns,
                          List<ChangeColumn> newColumns, SourcePosition position) implements ChangeEvent {
        public RelationChange {
            oldColumns = List.copyOf(oldColumns);
            newColumns = List.copyOf(newColumns);
            Objects.requireNonNull(position, "position");
        }
    }

    /**
     * An application message written into the source's log (PostgreSQL {@code pg_logical_emit_message}).
     *
     * @param transactional whether the message belongs to the surrounding transaction
     */
    record LogicalMessage(boolean transactional, String prefix, byte[] content, SourcePosition position)
            implements ChangeEvent {
        public LogicalMessage {
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(position, "position");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof LogicalMessage m && m.transactional == transactional && m.prefix.equals(prefix)
                    && Arrays.equals(m.content, content) && m.position.equals(position);
        }

        @Override
        public int hashCode() {
            return Objects.hash(transactional, prefix, Arrays.hashCode(content), position);
        }

        @Override
        public String toString() {
            return "LogicalMessage[transactional=" + transactional + ", prefix=" + prefix + ", bytes=" + content.length
                    + ", position=" + position + "]";
        }
    }
}
