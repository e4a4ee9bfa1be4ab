package dev.ferry.engine.cdc.apply;

import dev.ferry.engine.cdc.SourcePosition;
import dev.ferry.engine.cdc.mysql.MySqlCdcConfig;
import dev.ferry.engine.cdc.mysql.MySqlPosition;
import dev.ferry.engine.cdc.mysql.MySqlStreamingSource;
import dev.ferry.engine.cdc.postgres.PostgresCdcConfig;
import dev.ferry.engine.cdc.postgres.PostgresReplicationConnection;
import dev.ferry.engine.cdc.postgres.PostgresStreamingSource;
import dev.ferry.engine.load.FullLoad;
import dev.ferry.engine.load.LoadEndpoint;
import dev.ferry.engine.load.LoadException;
import dev.ferry.engine.load.LoadListener;
import dev.ferry.engine.load.LoadPlan;
import dev.ferry.engine.load.LoadResult;
import dev.ferry.engine.load.LoadSettings;
import dev.ferry.engine.load.LoadStateStore;
import dev.ferry.engine.load.TableJob;
import dev.ferry.engine.cdc.sqlite.SqliteCdcConfig;
import dev.ferry.engine.cdc.sqlite.SqlitePosition;
import dev.ferry.engine.cdc.sqlite.SqliteStreamingSource;
import dev.ferry.engine.cdc.sqlite.SqliteTriggerCapture;
import dev.ferry.engine.load.mysql.MySqlSourceSnapshot;
import dev.ferry.engine.load.sqlite.SqliteSourceSnapshot;
import java.sql.Connection;
import dev.ferry.engine.load.postgres.PostgresSourceSnapshot;
import dev.ferry.model.schema.QualifiedName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Coordinates a full-load-and-CDC task in the Debezium style: a consistent full load, then streaming from EXACTLY the
 * snapshot's position, so every change is either in the snapshot or in the stream, never both and never neither.
 *
 * <ul>
 *   <li>PostgreSQL: the publication is created, then the logical slot with {@code EXPORT_SNAPSHOT}; the load reads that
 *       snapshot; the slot's consistent point is the first LSN NOT in the snapshot, so streaming from the slot delivers
 *       exactly the transactions committed after it.</li>
 *   <li>MySQL/MariaDB: {@link MySqlSourceSnapshot} starts every reader's consistent-snapshot transaction and reads the
 *       binlog file/position while holding {@code FLUSH TABLES WITH READ LOCK}; no transaction can commit in between,
 *       so the binlog after that position holds exactly the changes the snapshot does not.</li>
 * </ul>
 *
 * The start position is stored in {@code ferry_apply_state} before streaming starts, so a restart (of the applier or
 * of the whole task) resumes from the stored position and never loads again. When a stored position exists,
 * {@link #start} skips the full load.
 *
 * <p>Threading: {@link #start} runs on the caller's thread and returns a started applier whose {@code run()} the
 * caller drives (typically on a dedicated thread). Not thread-safe itself.
 */
public final class CdcTask {

    private static final Logger LOG = LoggerFactory.getLogger(CdcTask.class);

    private final LoadEndpoint source;
    private final LoadEndpoint target;
    private final LoadSettings loadSettings;
    private final ApplySettings applySettings;
    private final LoadStateStore store;
    private LoadResult loadResult;

    public CdcTask(LoadEndpoint source, LoadEndpoint target, LoadSettings loadSettings, ApplySettings applySettings,
                   LoadStateStore store) {
        this.source = Objects.requireNonNull(source, "source");
        this.target = Objects.requireNonNull(target, "target");
        this.loadSettings = Objects.requireNonNull(loadSettings, "loadSettings");
        this.applySettings = Objects.requireNonNull(applySettings, "applySettings");
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The result of the full load this task ran, if it ran one. */
    public Optional<LoadResult> loadResult() {
        return Optional.ofNullable(loadResult);
    }

    /** PostgreSQL source: publication + exported-snapshot slot, full load, then streaming from the slot. */
    public ChangeApplier startPostgres(PostgresCdcConfig config, LoadPlan plan, LoadListener loadListener,
                                       ApplyListener applyListener) throws SQLException, LoadException {
        PostgresStreamingSource stream = new PostgresStreamingSource(config);
        ChangeApplier applier = applier(ChangeSource.of(stream), plan, applyListener);
        if (applier.storedPosition().isEmpty()) {
            PostgresReplicationConnection replication = stream.admin();
            replication.createPublication(plan.jobs().stream().map(j -> j.source().qualifiedName()).toList());
            SourcePosition start;
            try (PostgresSourceSnapshot snapshot = PostgresSourceSnapshot.export(replication)) {
                loadResult = new FullLoad(source, target, loadSettings, store, loadListener).run(plan, snapshot);
                // "the commit just before the consistent point": every transaction committed after the snapshot
                // has a commit LSN >= the consistent point, so it sorts after this position and is streamed
                long cp = snapshot.exported().consistentPoint();
                start = dev.ferry.engine.cdc.postgres.PostgresPosition.commit(cp - 1, cp);
            }
            applier.initializePosition(start);
            LOG.info("task {}: full load done, streaming from the slot's consistent point {}", applySettings.task(), start);
        }
        applier.start();
        return applier;
    }

    /** MySQL/MariaDB source: consistent-snapshot full load (position read under the read lock), then the binlog. */
    public ChangeApplier startMySql(MySqlCdcConfig config, LoadPlan plan, LoadListener loadListener,
                                    ApplyListener applyListener) throws SQLException, LoadException {
        MySqlStreamingSource stream = new MySqlStreamingSource(config);
        ChangeApplier applier = applier(ChangeSource.of(stream), plan, applyListener);
        if (applier.storedPosition().isEmpty()) {
            MySqlSourceSnapshot snapshot = new MySqlSourceSnapshot();
            try (snapshot) {
                loadResult = new FullLoad(source, target, loadSettings, store, loadListener).run(plan, snapshot);
            }
            Map<String, String> p = loadResult.position();
            MySqlPosition start = MySqlPosition.boundary(p.get("file"), Long.parseLong(p.get("position")));
            applier.initializePosition(start);
            LOG.info("task {}: full load done, streaming the binlog after {}", applySettings.task(), start);
        }
        applier.start();
        return applier;
    }

    /**
     * SQLite source: the capture triggers are installed BEFORE the snapshot is read, so a change made while the load
     * reads is in the capture table (and maybe also in the snapshot); streaming starts at the first captured row and
     * re-applies such changes idempotently by key (upsert / update / delete by key — target tables need a primary key).
     */
    public ChangeApplier startSqlite(SqliteCdcConfig config, LoadPlan plan, LoadListener loadListener,
                                     ApplyListener applyListener) throws SQLException, LoadException {
        SqliteStreamingSource stream = new SqliteStreamingSource(config);
        ChangeApplier applier = applier(ChangeSource.of(stream), plan, applyListener);
        if (applier.storedPosition().isEmpty()) {
            try (Connection c = source.connections().open()) {
                SqliteTriggerCapture.install(c, plan.jobs().stream().map(j -> j.source().name()).toList());
            }
            try (SqliteSourceSnapshot snapshot = new SqliteSourceSnapshot()) {
                loadResult = new FullLoad(source, target, loadSettings, store, loadListener).run(plan, snapshot);
            }
            applier.initializePosition(SqlitePosition.after(0));
            LOG.info("task {}: full load done, streaming the SQLite capture table from its first row", applySettings.task());
        }
        applier.start();
        return applier;
    }

    /**
     * The applier with the plan's table-mapping rules, as the full load applied them: each job's target table (renamed
     * tables, schemas), its column renames, removed and added columns and row filter ({@link ChangeMapping}). Tables
     * no job covers keep {@link ApplySettings#tableMapping()} of the task's settings.
     */
    private ChangeApplier applier(ChangeSource changes, LoadPlan plan, ApplyListener applyListener) {
        ChangeMapping mapping = ChangeMapping.of(plan.jobs());
        ChangeApplier applier = new ChangeApplier(changes, target, mapping.applyTo(applySettings), applyListener);
        applier.mapChanges(mapping);
        return applier;
    }

    /** The source tables of a plan (for a capture configuration). */
    public static List<QualifiedName> tables(LoadPlan plan) {
        return plan.jobs().stream().map(TableJob::source).map(t -> t.qualifiedName()).toList();
    }
}
