package dev.ferry.engine.endpoint;

/** What an endpoint is used for in a migration task; decides which readiness checks apply. */
public enum Role {
    /** Read once, table by table. */
    SOURCE_FULL_LOAD,
    /** Read, then stream changes (WAL / binlog / redo). */
    SOURCE_CDC,
    /** Written to: schema deployment and data load. */
    TARGET
}
