/**
 * Deploy: runs the converted objects of an assessment folder ({@code ferry assess} output) against a target in a phased
 * plan (pre-load: schemas, types, sequences, tables with their primary keys; post-load: indexes, constraints, views,
 * routines, triggers), idempotently (existing objects are compared, never dropped or altered silently), with target
 * preparation (do-nothing, drop-and-create, truncate) and per-phase transactions where the engine has transactional DDL.
 *
 * <p>Entry points: {@link dev.ferry.engine.deploy.AssessmentFolder#read} (folder → {@link dev.ferry.engine.deploy.DeployInput}),
 * {@link dev.ferry.engine.deploy.DeployPlan#of}, {@link dev.ferry.engine.deploy.Deployer#run} (→
 * {@link dev.ferry.engine.deploy.DeployResult}, written by {@link dev.ferry.engine.deploy.DeployResultJson}), and
 * {@link dev.ferry.engine.deploy.SequenceAdvancer} for cutover. See {@code docs/deploy.md}.
 */
package dev.ferry.engine.deploy;
