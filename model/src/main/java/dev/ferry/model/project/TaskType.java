package dev.ferry.model.project;

/** What a migration task does; the project-file spellings are {@code full-load}, {@code full-load-and-cdc}, {@code cdc}. */
public enum TaskType {
    FULL_LOAD, FULL_LOAD_AND_CDC, CDC;

    public String externalName() {
        return DmsNames.of(this);
    }
}
