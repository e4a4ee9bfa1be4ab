package dev.ferry.model.project;

/**
 * A migration task in the project file.
 *
 * @param name     the task's name, unique in the project
 * @param type     full load, full load then CDC, or CDC only
 * @param source   the source endpoint's name
 * @param target   the target endpoint's name
 * @param settings the settings (DMS names); {@link TaskSettings#DEFAULTS} when the file has none
 */
public record TaskConfig(String name, TaskType type, String source, String target, TaskSettings settings) {
    public TaskConfig {
        settings = settings == null ? TaskSettings.DEFAULTS : settings;
    }
}
