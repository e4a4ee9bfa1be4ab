package dev.ferry.engine.cdc.apply;

import dev.ferry.engine.load.ErrorPolicy;
import dev.ferry.model.schema.QualifiedName;

import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Settings of a {@link ChangeApplier}. Immutable and thread-safe.
 *
 * @param task           task name, the key of {@code ferry_apply_state} and of {@code ferry_exceptions} rows
 * @param maxEvents      a target transaction is committed once it holds at least this many events (at a source
 *                       transaction boundary: a source transaction is never split)
 * @param maxDelay       ... or once its first source transaction is this old
 * @param errorPolicy    {@link ErrorPolicy#STOP} stops the applier on a row the target refuses; otherwise the row is
 *                       recorded in {@code ferry_exceptions} and the rest is applied
 * @param controlSchema  schema of the control tables on the target ({@code null}: the connection's default)
 * @param tableMapping   source table name → target table name
 * @param maxBackoff     longest wait between reconnect attempts
 * @param maxReconnects  reconnect attempts in a row before the applier gives up
 */
public record ApplySettings(String task, int maxEvents, Duration maxDelay, ErrorPolicy errorPolicy, String controlSchema,
                           UnaryOperator<QualifiedName> tableMapping, Duration maxBackoff, int maxReconnects) {

    public ApplySettings {
        Objects.requireNonNull(task, "task");
        if (maxEvents < 1) {
            throw new IllegalArgumentException("maxEvents must be positive");
        }
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(errorPolicy, "errorPolicy");
        tableMapping = tableMapping == null ? UnaryOperator.identity() : tableMapping;
        Objects.requireNonNull(maxBackoff, "maxBackoff");
    }

    /** 1000 events or 500 ms per target commit, STOP on errors, same table names, back-off up to 10 s, 30 attempts. */
    public static ApplySettings defaults(String task) {
        return new ApplySettings(task, 1000, Duration.ofMillis(500), ErrorPolicy.STOP, null, null, Duration.ofSeconds(10), 30);
    }

    public ApplySettings withCommit(int events, Duration delay) {
        return new ApplySettings(task, events, delay, errorPolicy, controlSchema, tableMapping, maxBackoff, maxReconnects);
    }

    public ApplySettings withErrorPolicy(ErrorPolicy policy) {
        return new ApplySettings(task, maxEvents, maxDelay, policy, controlSchema, tableMapping, maxBackoff, maxReconnects);
    }

    public ApplySettings withTableMapping(UnaryOperator<QualifiedName> mapping) {
        return new ApplySettings(task, maxEvents, maxDelay, errorPolicy, controlSchema, mapping, maxBackoff, maxReconnects);
    }

    /** Maps every source table into {@code schema} on the target, keeping its name (e.g. a MariaDB database → public). */
    public ApplySettings intoSchema(String schema) {
        return withTableMapping(q -> new QualifiedName(schema, q.name()));
    }

    public ApplySettings withControlSchema(String schema) {
        return new ApplySettings(task, maxEvents, maxDelay, errorPolicy, schema, tableMapping, maxBackoff, maxReconnects);
    }
}
