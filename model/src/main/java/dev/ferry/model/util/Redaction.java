package dev.ferry.model.util;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it reaches a log line, an exception message or a file: passwords in URL user-info
 * ({@code //user:secret@host}), in query parameters ({@code password=}, {@code pwd=}, {@code sslpassword=}...) and in
 * {@code key=value} connection strings. Every log statement that prints a URL or a driver message goes through here.
 *
 * <p>Stateless and thread-safe.
 */
public final class Redaction {

    public static final String MASK = "*****";

    private static final Pattern USER_INFO = Pattern.compile("(//[^/@:\\s]*:)([^@/\\s]*)(@)");
    private static final Pattern PARAM = Pattern.compile(
            "(?i)((?:password|passwd|pwd|sslpassword|secret|token|trustStorePassword|clientCertificateKeyStorePassword|keyStorePassword)\\s*+[=:]\\s*+)(?!(?:YES|NO)\\))('[^']*'|\"[^\"]*\"|[^&;,\\s)]*)");
    /** Oracle EZConnect with credentials: user/password@host. */
    private static final Pattern ORACLE_USER_PW = Pattern.compile("(?i)(jdbc:oracle:[a-z]+:)([^/@:\\s]+)/([^@\\s]+)(@)");

    private Redaction() {
    }

    /** Redacts every secret-looking part of {@code text}; {@code null} stays {@code null}. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = USER_INFO.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "$3");
        out = ORACLE_USER_PW.matcher(out).replaceAll("$1$2/" + Matcher.quoteReplacement(MASK) + "$4");
        out = PARAM.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MASK));
        return out;
    }

    /** Redacts {@code text} and additionally masks every occurrence of the known secret {@code secret}. */
    public static String redact(String text, char[] secret) {
        String out = redact(text);
        if (out != null && secret != null && secret.length >= 3) {
            out = out.replace(new String(secret), MASK);
        }
        return out;
    }
}
