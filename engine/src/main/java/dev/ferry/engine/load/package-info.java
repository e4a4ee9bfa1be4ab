/**
 * The full load: a parallel, snapshot-consistent, memory-bounded, resumable bulk copy of tables between endpoints.
 *
 * <p>Entry points: {@link dev.ferry.engine.load.LoadPlanner} (tables → {@link dev.ferry.engine.load.LoadPlan}),
 * {@link dev.ferry.engine.load.FullLoad#run} (with a {@link dev.ferry.engine.load.SourceSnapshot} per source engine and a
 * {@link dev.ferry.engine.load.LoadStateStore}), {@link dev.ferry.engine.load.LoadListener} for progress. Engine
 * specifics live in {@code postgres/}, {@code mysql/} and {@code sqlite/}. See {@code docs/full-load.md} for the worker
 * tree, the consistency approach per engine and the exactly-once resume protocol.
 */
package dev.ferry.engine.load;
