package dev.ferry.app.gui;

import dev.ferry.engine.endpoint.ReadinessCheck;
import dev.ferry.model.schema.Engine;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** Ikonli (Material Design 2) icons used across the workbench. Create nodes on the UI thread. */
public final class Icons {

    private Icons() {
    }

    public static FontIcon of(Ikon ikon, int size) {
        FontIcon icon = new FontIcon(ikon);
        icon.setIconSize(size);
        return icon;
    }

    public static FontIcon engine(Engine engine) {
        Ikon ikon;
        switch (engine) {
            case POSTGRESQL: ikon = MaterialDesignE.ELEPHANT; break;
            case ORACLE: ikon = MaterialDesignS.SERVER; break;
            case SQLITE: ikon = MaterialDesignD.DATABASE_OUTLINE; break;
            default: ikon = MaterialDesignD.DATABASE; break;
        }
        FontIcon icon = of(ikon, 20);
        icon.getStyleClass().add("engine-icon");
        return icon;
    }

    public static FontIcon status(ReadinessCheck.Status status) {
        FontIcon icon;
        switch (status) {
            case PASS: icon = of(MaterialDesignC.CHECK_CIRCLE, 16); icon.getStyleClass().add("status-ok"); break;
            case WARN: icon = of(MaterialDesignA.ALERT, 16); icon.getStyleClass().add("status-warn"); break;
            default: icon = of(MaterialDesignC.CLOSE_CIRCLE, 16); icon.getStyleClass().add("status-fail"); break;
        }
        return icon;
    }
}
