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
