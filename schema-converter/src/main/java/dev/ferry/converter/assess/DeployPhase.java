package dev.ferry.converter.assess;

/** When an object is deployed relative to the full load. */
public enum DeployPhase {
    /** Before loading data: schemas, types, sequences, tables with their primary keys. */
    PRE_LOAD,
    /** After loading data: secondary indexes, unique/foreign/check constraints, views, routines, triggers. */
    POST_LOAD
}
