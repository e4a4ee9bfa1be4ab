package dev.ferry.engine.load;

/**
 * A LOB value cut by {@link LobPolicy.Mode#LIMITED}: what is kept and how long the source value was. Travels from the
 * reader to the writer, which notes the cut (per {@link LobPolicy.Truncation}) and writes {@link #value}. Immutable.
 *
 * @param value         the kept prefix ({@link String} or {@code byte[]}), at most the policy's {@code maxBytes}
 * @param originalBytes the source value's length in bytes
 */
public record TruncatedLob(Object value, long originalBytes) {

    /** The longest prefix of {@code s} whose UTF-8 encoding fits in {@code maxBytes} (never splits a code point). */
    public static String cutUtf8(String s, long maxBytes) {
        long bytes = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + n > maxBytes) {
                break;
            }
            bytes += n;
            i += Character.charCount(cp);
        }
        return i == s.length() ? s : s.substring(0, i);
    }
}
