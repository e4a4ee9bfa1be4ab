package dev.ferry.engine.cdc;

import java.time.Duration;
import java.time.Period;

/**
 * A SQL interval as the three independent fields PostgreSQL keeps (months, days and microseconds), because neither
 * {@link Period} nor {@link Duration} alone can hold {@code 1 mon 2 days 03:00:00} without losing meaning.
 *
 * <p>Immutable and thread-safe.
 *
 * @param months       whole months (years are 12 months)
 * @param days         whole days
 * @param microseconds the time part in microseconds
 */
public record IntervalValue(int months, int days, long microseconds) {

    /** The date part as a {@link Period}. */
    public Period period() {
        return Period.of(months / 12, months % 12, days);
    }

    /** The time part as a {@link Duration}. */
    public Duration time() {
        return Duration.ofNanos(Math.multiplyExact(microseconds, 1000L));
    }

    /**
     * PostgreSQL's own output in the default {@code postgres} IntervalStyle, e.g. {@code 1 year 2 mons -3 days
     * +04:05:06.5} — what the full load reads from the source as text, so a text column on another engine gets the
     * same characters from either path.
     */
    public String postgresText() {
        StringBuilder sb = new StringBuilder();
        boolean[] state = {true, false}; // is_zero, is_before (as PostgreSQL's EncodeInterval)
        part(sb, months / 12, "year", state);
        part(sb, months % 12, "mon", state);
        part(sb, days, "day", state);
        if (state[0] || microseconds != 0) {
            long abs = Math.abs(microseconds);
            long secs = abs / 1_000_000L;
            long frac = abs % 1_000_000L;
            sb.append(state[0] ? "" : " ").append(microseconds < 0 ? "-" : state[1] ? "+" : "");
            sb.append(String.format("%02d:%02d:%02d", secs / 3600, (secs / 60) % 60, secs % 60));
            if (frac != 0) {
                String f = String.format("%06d", frac);
                int end = f.length();
                while (f.charAt(end - 1) == '0') {
                    end--;
                }
                sb.append('.').append(f, 0, end);
            }
        }
        return sb.toString();
    }

    private static void part(StringBuilder sb, long value, String unit, boolean[] state) {
        if (value == 0) {
            return;
        }
        sb.append(state[0] ? "" : " ").append(state[1] && value > 0 ? "+" : "").append(value).append(' ').append(unit)
                .append(value != 1 ? "s" : "");
        state[1] = value < 0;
        state[0] = false;
    }

    /** ISO 8601 text such as {@code P1Y2M3DT4H5M6.5S}. */
    @Override
    public String toString() {
        Duration t = time();
        String p = period().toString(); // P1Y2M3D or P0D
        if (t.isZero()) {
            return p;
        }
        String d = t.toString(); // PT4H5M6.5S
        return (p.equals("P0D") ? "P" : p) + d.substring(1);
    }
}
