package dev.ferry.app.gui.endpoints;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One editable row of an endpoint's extra driver properties. UI thread only. */
public final class DriverProperty {

    private final StringProperty key = new SimpleStringProperty("");
    private final StringProperty value = new SimpleStringProperty("");

    public DriverProperty(String key, String value) {
        this.key.set(key == null ? "" : key);
        this.value.set(value == null ? "" : value);
    }

    public StringProperty keyProperty() {
        return key;
    }

    public StringProperty valueProperty() {
        return value;
    }

    public String key() {
        return key.get();
    }

    public String value() {
        return value.get();
    }
}
