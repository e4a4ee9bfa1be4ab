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

    /** This project with {@code endpoint} added, or replacing the endpoint of the same name in place. */
    public Project withEndpoint(EndpointConfig endpoint) {
        List<EndpointConfig> list = new java.util.ArrayList<>(endpoints);
        int i = indexOf(list.stream().map(EndpointConfig::name).toList(), endpoint.name());
        if (i < 0) {
            list.add(endpoint);
        } else {
            list.set(i, endpoint);
        }
        return new Project(name, list, tableMappings, typeMappings, tasks);
    }

    /** This project with {@code task} added, or replacing the task of the same name in place. */
    public Project withTask(TaskConfig task) {
        List<TaskConfig> list = new java.util.ArrayList<>(tasks);
        int i = indexOf(list.stream().map(TaskConfig::name).toList(), task.name());
        if (i < 0) {
            list.add(task);
        } else {
            list.set(i, task);
        }
        return new Project(name, endpoints, tableMappings, typeMappings, list);
    }

    public Project withTableMappings(TableMappings mappings) {
        return new Project(name, endpoints, mappings, typeMappings, tasks);
    }

    public Project withTypeMappings(List<TypeMappingRule> rules) {
        return new Project(name, endpoints, tableMappings, rules, tasks);
    }

    private static int indexOf(List<String> names, String wanted) {
        return names.indexOf(wanted);
    }
}
