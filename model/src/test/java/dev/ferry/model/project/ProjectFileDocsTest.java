package dev.ferry.model.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The examples in docs/project-file.md load, and docs/project-file.schema.json describes every field. */
class ProjectFileDocsTest {

    static Path docs() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("docs"))) {
            p = p.getParent();
        }
        assertThat(p).as("docs directory above " + Path.of("").toAbsolutePath()).isNotNull();
        return p.resolve("docs");
    }

    static List<String> jsonExamples(String markdown) {
        Matcher m = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void everyExampleProjectInTheDocsLoadsAndRoundTrips() throws IOException {
        List<String> examples = jsonExamples(Files.readString(docs().resolve("project-file.md")));
        assertThat(examples).hasSizeGreaterThanOrEqualTo(2);
        for (int i = 0; i < examples.size(); i++) {
            Project p = ProjectFiles.parse("example-" + i + ".json", examples.get(i));
            assertThat(ProjectFiles.parse("saved-" + i + ".json", ProjectFiles.toJson(p))).isEqualTo(p);
        }
        Project hr = ProjectFiles.parse("hr.json", examples.get(1));
        TaskSettings s = hr.tasks().get(0).settings();
        assertThat(s.maxFullLoadSubTasks()).isEqualTo(4);
        assertThat(s.lobMaxSize()).isEqualTo(TaskSettings.DEFAULTS.lobMaxSize());
        assertThat(s.errorPolicy().applyErrorInsertPolicy()).isEqualTo(TaskSettings.ErrorAction.INSERT_RECORD);
        assertThat(s.errorPolicy().tableErrorPolicy()).isEqualTo(TaskSettings.ErrorAction.SUSPEND_TABLE);
    }

    @Test
    void schemaIsDraft202012AndMentionsEveryField() throws IOException {
        String text = Files.readString(docs().resolve("project-file.schema.json"));
        JsonNode schema = new ObjectMapper().readTree(text);
        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        List<String> top = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(top::add);
        assertThat(top).containsExactly("formatVersion", "name", "endpoints", "tableMappings", "typeMappings", "tasks");
        JsonNode settings = schema.path("$defs").path("task").path("properties").path("settings").path("properties");
        for (String s : List.of("MaxFullLoadSubTasks", "CommitRate", "TargetTablePrepMode", "LobMode", "LobMaxSize",
                "LobChunkSize", "ErrorPolicy", "BatchApplyEnabled", "CdcStartPosition", "CdcStopPosition", "ValidationEnabled",
                "SchemaFrom", "DeferIndexesDuringLoad")) {
            assertThat(settings.has(s)).as("settings." + s).isTrue();
        }
        assertThat(settings.path("MaxFullLoadSubTasks").path("default").asInt()).isEqualTo(TaskSettings.DEFAULTS.maxFullLoadSubTasks());
        assertThat(settings.path("CommitRate").path("default").asInt()).isEqualTo(TaskSettings.DEFAULTS.commitRate());
        // every $ref points at an existing definition
        Matcher refs = Pattern.compile("\"\\$ref\": \"#/\\$defs/([A-Za-z]+)\"").matcher(text);
        int count = 0;
        while (refs.find()) {
            count++;
            assertThat(schema.path("$defs").has(refs.group(1))).as("$defs/" + refs.group(1)).isTrue();
        }
        assertThat(count).isGreaterThan(5);
    }
}
