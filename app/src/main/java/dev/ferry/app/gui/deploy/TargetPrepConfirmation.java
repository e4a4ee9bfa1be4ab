package dev.ferry.app.gui.deploy;

import dev.ferry.app.gui.dialog.DialogService;
import dev.ferry.engine.deploy.DeployOptions;
import dev.ferry.engine.deploy.TargetPrepPreview;
import dev.ferry.model.project.EndpointConfig;

import java.nio.file.Path;

/**
 * The confirmation of a destructive target preparation, shared by the Deploy section's Apply and the Tasks section's
 * Start: the {@link TargetPrepPreview}'s question (count of objects and the target), the first objects, and for
 * drop-and-create the target database's name typed. Stateless; call on the UI thread.
 */
public final class TargetPrepConfirmation {

    /** Objects listed in the question; the rest are counted. */
    static final int LISTED = 15;

    private TargetPrepConfirmation() {
    }

    /**
     * Asks whether {@code preview} (with at least one item) may run on {@code target}.
     *
     * @param listedWhere where the full list is shown ("the Deploy section", say), for the "… and n more" line
     */
    public static boolean ask(DialogService dialogs, EndpointConfig target, TargetPrepPreview preview, String listedWhere) {
        StringBuilder q = new StringBuilder(preview.question("endpoint " + target.name() + " (" + target.describe() + ")"));
        q.append("\n");
        int shown = 0;
        for (TargetPrepPreview.Item i : preview.items()) {
            if (shown++ == LISTED) {
                q.append("\n  … and ").append(preview.items().size() - LISTED).append(" more (listed in ").append(listedWhere).append(")");
                break;
            }
            q.append("\n  ").append(i.describe(preview.prep()));
        }
        if (preview.prep() == DeployOptions.TargetPrep.DROP_AND_CREATE) {
            return dialogs.confirmByTyping("Drop and re-create " + preview.items().size() + " objects", q.toString(),
                    databaseName(target));
        }
        return dialogs.confirm("Truncate " + preview.tables() + (preview.tables() == 1 ? " table" : " tables"), q.toString());
    }

    /** The name the user types to confirm drop-and-create: the target database (SQLite: the file's name). */
    public static String databaseName(EndpointConfig target) {
        if (target.database() != null && !target.database().isBlank()) {
            return target.database();
        }
        if (target.path() != null && !target.path().isBlank()) {
            Path f = Path.of(target.path()).getFileName();
            return f == null ? target.path() : f.toString();
        }
        return target.name();
    }
}
