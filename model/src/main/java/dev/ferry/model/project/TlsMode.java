package dev.ferry.model.project;

import java.util.Locale;

/** Transport security, mapped onto each driver's own options by the engine. */
public enum TlsMode {
    DISABLE, REQUIRE, VERIFY_CA, VERIFY_FULL;

    /** The project-file spelling: {@code disable}, {@code require}, {@code verify-ca}, {@code verify-full}. */
    public String externalName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static TlsMode parse(String text) {
        for (TlsMode m : values()) {
            if (m.externalName().equalsIgnoreCase(text) || m.name().equalsIgnoreCase(text)) {
                return m;
            }
        }
        throw new IllegalArgumentException("Unknown TLS mode '" + text + "': expected disable, require, verify-ca or verify-full");
    }
}
