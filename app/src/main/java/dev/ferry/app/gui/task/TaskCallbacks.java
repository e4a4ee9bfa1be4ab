package dev.ferry.app.gui.task;

import java.util.function.Consumer;

/**
 * What happens when a {@link BackgroundTask} finishes. The executor delivers every callback on its callback thread
 * (the JavaFX application thread in the workbench, the calling thread in tests).
 *
 * @param onSuccess  receives the result
 * @param onFailure  receives the exception the task threw
 * @param onProgress receives progress reports
 * @param <T>        the result type
 */
public record TaskCallbacks<T>(Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure, ProgressListener onProgress) {

    public TaskCallbacks {
        onSuccess = onSuccess == null ? r -> { } : onSuccess;
        onFailure = onFailure == null ? e -> { } : onFailure;
        onProgress = onProgress == null ? ProgressListener.NO_OP : onProgress;
    }

    public static <T> TaskCallbacks<T> of(Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        return new TaskCallbacks<>(onSuccess, onFailure, ProgressListener.NO_OP);
    }
}
