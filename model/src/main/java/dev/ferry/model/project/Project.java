package dev.ferry.model.project;

import java.util.List;
import java.util.Optional;

/**
 * A Ferry project: endpoints, DMS-style table mappings, type mappings and tasks. Read and written by
 * {@link ProjectFiles}; the file format is documented in {@code docs/project-file.md}. Immutable.
 *
 * @param name          the project's name
 * @param endpoints     named endpoints (no secrets)
 * @param tableMappings table selection and transformation rules in the AWS DMS format
 * @param typeMappings  type-mapping overrides
 * @param tasks         migration tasks
 */
public record Project(String name, List<EndpointConfig> endpoints, TableMappings tableMappings,
                      List<TypeMappingRule> typeMappings, List<TaskConfig> tasks) {

    /** The format version this Ferry writes and the newest it reads. */
    public static final int FORMAT_VERSION = 1;

    public Project {
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
        tableMappings = tableMappings == null ? TableMappings.EMPTY : tableMappings;
        typeMappings = typeMappings == null ? List.of() : List.copyOf(typeMappings);
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }

    public static Project empty(String name) {
        return new Project(name, List.of(), TableMappings.EMPTY, List.of(), List.of());
    }

    public Optional<EndpointConfig> endpoint(String endpointName) {
        return endpoints.stream().filter(e -> e.name().equals(endpointName)).findFirst();
    }

    public Optional<TaskConfig> task(String taskName) {
        return tasks.stream().filter(t -> t.name().equals(taskName)).findFirst();
    }
}
