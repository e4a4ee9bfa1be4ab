package dev.ferry.model.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskSettingDescriptorsTest {

    @Test
    void everySettingOfTheProjectFileHasExactlyOneDescriptor() throws Exception {
        Project p = Project.empty("p").withTask(new TaskConfig("t", TaskType.FULL_LOAD, "a", "b",
                TaskSettings.DEFAULTS.withMaxFullLoadSubTasks(3)));
        JsonNode settings = new ObjectMapper().readTree(ProjectFiles.toJson(p)).path("tasks").get(0).path("settings");
        List<String> fileNames = new ArrayList<>();
        settings.fieldNames().forEachRemaining(n -> {
            if (n.equals("ErrorPolicy")) {
                settings.path(n).fieldNames().forEachRemaining(fileNames::add);
            } else {
                fileNames.add(n);
            }
        });
        fileNames.add("CdcStartPosition"); // written only when set
        fileNames.add("CdcStopPosition");
        fileNames.add("DeferIndexesDuringLoad"); // written only when not the default
        assertThat(TaskSettingDescriptors.ALL).extracting(TaskSettingDescriptor::name).containsExactlyInAnyOrderElementsOf(fileNames);
    }

    @Test
    void eachDescriptorReadsAndChangesOnlyItsOwnField() {
        TaskSettings d = TaskSettings.DEFAULTS;
        for (TaskSettingDescriptor s : TaskSettingDescriptors.ALL) {
            assertThat(s.with(d, s.get(d))).as(s.name() + " round trip").isEqualTo(d);
            String other = switch (s.kind()) {
                case INTEGER -> String.valueOf(s.min() == Integer.parseInt(s.get(d)) ? s.min() + 1 : s.min());
                case BOOLEAN -> String.valueOf(!Boolean.parseBoolean(s.get(d)));
                case CHOICE -> s.choices().stream().filter(c -> !c.equals(s.get(d))).findFirst().orElseThrow();
                case TEXT -> s.name().equals("CdcStopPosition") ? "server_time:2026-01-31T23:00:00" : "0/16B3748";
            };
            TaskSettings changed = s.with(d, other);
            assertThat(s.get(changed)).as(s.name()).isEqualTo(other);
            long differences = TaskSettingDescriptors.ALL.stream().filter(x -> !x.get(changed).equals(x.get(d))).count();
            assertThat(differences).as(s.name() + " changes only itself").isEqualTo(1);
        }
    }

    @Test
    void badValuesNameTheSetting() {
        TaskSettings d = TaskSettings.DEFAULTS;
        TaskSettingDescriptor sub = TaskSettingDescriptors.byName("maxfullloadsubtasks").orElseThrow();
        assertThatThrownBy(() -> sub.with(d, "65")).hasMessage("MaxFullLoadSubTasks must be between 1 and 64, not 65");
        assertThatThrownBy(() -> sub.with(d, "many")).hasMessage("MaxFullLoadSubTasks: 'many' is not a whole number");
        TaskSettingDescriptor table = TaskSettingDescriptors.byName("ErrorPolicy.TableErrorPolicy").orElseThrow();
        assertThatThrownBy(() -> table.with(d, "LOG_ERROR")).hasMessage("TableErrorPolicy: 'LOG_ERROR' is not one of SUSPEND_TABLE, STOP_TASK");
        TaskSettingDescriptor stop = TaskSettingDescriptors.byName("CdcStopPosition").orElseThrow();
        assertThatThrownBy(() -> stop.with(d, "tomorrow")).hasMessageStartingWith("CdcStopPosition must look like server_time:");
        assertThat(stop.with(d, "").cdcStopPosition()).as("empty clears an optional text").isNull();
        assertThat(TaskSettingDescriptors.byName("NoSuchSetting")).isEmpty();
    }

    @Test
    void deferIndexesDuringLoadIsAFullLoadBooleanOnByDefault() {
        TaskSettings d = TaskSettings.DEFAULTS;
        TaskSettingDescriptor defer = TaskSettingDescriptors.byName("DeferIndexesDuringLoad").orElseThrow();
        assertThat(defer.kind()).isEqualTo(TaskSettingDescriptor.Kind.BOOLEAN);
        assertThat(defer.group()).isEqualTo("Full load");
        assertThat(defer.get(d)).isEqualTo("true");
        TaskSettings off = defer.with(d, "false");
        assertThat(off.deferIndexesDuringLoad()).isFalse();
        assertThat(off).isEqualTo(d.withDeferIndexesDuringLoad(false));
        assertThat(defer.with(off, "true")).isEqualTo(d);
        assertThatThrownBy(() -> defer.with(d, "no")).hasMessage("DeferIndexesDuringLoad: 'no' is not true or false");
    }
}
