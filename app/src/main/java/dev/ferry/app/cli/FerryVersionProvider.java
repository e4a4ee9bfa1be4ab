package dev.ferry.app.cli;

import dev.ferry.app.Version;
import dev.ferry.model.project.Project;
import picocli.CommandLine.IVersionProvider;

/** {@code ferry --version}. */
public final class FerryVersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[]{
                "Ferry " + Version.get(),
                "Project file formatVersion " + Project.FORMAT_VERSION,
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
