package dev.ferry.engine.load;

/** Lower-case hexadecimal of bytes. Thread-safe. */
public final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    public static String of(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 2);
        append(sb, bytes);
        return sb.toString();
    }

    public static void append(StringBuilder sb, byte[] bytes) {
        for (byte b : bytes) {
            sb.append(DIGITS[(b >> 4) & 0xF]).append(DIGITS[b & 0xF]);
        }
    }
}
