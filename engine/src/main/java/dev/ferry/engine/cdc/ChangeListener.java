package dev.ferry.engine.cdc;

/**
 * Receives the events of a change stream, in stream order, on the source's single reader thread. The listener may
 * block (for example on a full queue): the reader then stops reading, which is the back-pressure of the capture.
 */
@FunctionalInterface
public interface ChangeListener {

    /** Discards every event. */
    ChangeListener NO_OP = event -> { };

    /** Called once per event; an exception stops the stream and is reported as its failure. */
    void onEvent(ChangeEvent event) throws InterruptedException;
}
