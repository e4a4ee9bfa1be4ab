package dev.ferry.engine.load;

/** The load stopped (an error under {@link ErrorPolicy#STOP}, a source/target failure or a listener exception). */
public final class LoadException extends Exception {
    private final transient LoadResult partial;

    public LoadException(String message, Throwable cause, LoadResult partial) {
        super(message, cause);
        this.partial = partial;
    }

    /** What was done before the load stopped (committed ranges stay committed; a rerun resumes after them). */
    public LoadResult partial() {
        return partial;
    }
}
