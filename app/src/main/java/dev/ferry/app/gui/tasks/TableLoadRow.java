package dev.ferry.app.gui.tasks;

import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;

/** One row of the monitor's per-table grid; updated in place from snapshots. UI thread only. */
public final class TableLoadRow {

    final SimpleStringProperty table = new SimpleStringProperty();
    final SimpleStringProperty target = new SimpleStringProperty();
    final SimpleStringProperty state = new SimpleStringProperty("PENDING");
    final SimpleStringProperty rows = new SimpleStringProperty("");
    final SimpleDoubleProperty progress = new SimpleDoubleProperty(0);
    final SimpleStringProperty rate = new SimpleStringProperty("");
    final SimpleStringProperty eta = new SimpleStringProperty("");
    final SimpleStringProperty validation = new SimpleStringProperty("");
    final SimpleStringProperty errors = new SimpleStringProperty("");
    final SimpleStringProperty inserts = new SimpleStringProperty("");
    final SimpleStringProperty updates = new SimpleStringProperty("");
    final SimpleStringProperty deletes = new SimpleStringProperty("");
    final SimpleStringProperty ddls = new SimpleStringProperty("");
    long rowsDone;
    long rowsEstimated = -1;

    TableLoadRow(String table, String target) {
        this.table.set(table);
        this.target.set(target);
    }

    public SimpleStringProperty tableProperty() {
        return table;
    }

    public SimpleStringProperty targetProperty() {
        return target;
    }

    public SimpleStringProperty stateProperty() {
        return state;
    }

    /** "rows done / estimated". */
    public SimpleStringProperty rowsProperty() {
        return rows;
    }

    /** 0..1 (1 when DONE). */
    public SimpleDoubleProperty progressProperty() {
        return progress;
    }

    public SimpleStringProperty rateProperty() {
        return rate;
    }

    public SimpleStringProperty etaProperty() {
        return eta;
    }

    public SimpleStringProperty validationProperty() {
        return validation;
    }

    public SimpleStringProperty errorsProperty() {
        return errors;
    }

    /** Inserts applied by CDC. */
    public SimpleStringProperty insertsProperty() {
        return inserts;
    }

    public SimpleStringProperty updatesProperty() {
        return updates;
    }

    public SimpleStringProperty deletesProperty() {
        return deletes;
    }

    /** DDLs seen on the source table. */
    public SimpleStringProperty ddlsProperty() {
        return ddls;
    }

    public long rowsDone() {
        return rowsDone;
    }
}
