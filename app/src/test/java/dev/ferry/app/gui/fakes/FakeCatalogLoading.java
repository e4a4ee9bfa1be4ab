package dev.ferry.app.gui.fakes;

import dev.ferry.app.gui.catalog.CatalogLoading;
import dev.ferry.engine.catalog.CatalogListener;
import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.schema.DatabaseModel;

import java.util.ArrayList;
import java.util.List;

/** Returns a preset model after replaying preset progress events; records the endpoints and passwords it was given. */
public final class FakeCatalogLoading implements CatalogLoading {

    public DatabaseModel model;
    public Exception failure;
    /** Events replayed to the listener: "phase:&lt;text&gt;" or "object:&lt;kind&gt;:&lt;name&gt;". */
    public List<String> events = List.of();
    /** Called after each event (lets tests advance a clock). */
    public Runnable afterEvent = () -> { };
    public final List<EndpointConfig> loaded = new ArrayList<>();
    public final List<String> passwords = new ArrayList<>();

    @Override
    public DatabaseModel load(EndpointConfig config, char[] password, CatalogListener listener) throws Exception {
        loaded.add(config);
        passwords.add(new String(password));
        for (String e : events) {
            if (e.startsWith("phase:")) {
                listener.onPhase(e.substring(6));
            } else {
                String[] p = e.split(":", 3);
                listener.onObject(p[1], p[2]);
            }
            afterEvent.run();
        }
        if (failure != null) {
            throw failure;
        }
        return model;
    }
}
