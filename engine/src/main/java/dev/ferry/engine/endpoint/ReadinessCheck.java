package dev.ferry.engine.endpoint;

/**
 * One pre-migration assessment result, like a DMS premigration assessment.
 *
 * @param id     stable identifier, e.g. {@code pg.wal_level}
 * @param title  what was checked, e.g. {@code WAL level is logical}
 * @param status PASS, WARN or FAIL
 * @param detail what was found, naming the objects concerned
 * @param fix    the SQL or configuration the DBA applies; empty when the check passed
 */
public record ReadinessCheck(String id, String title, Status status, String detail, String fix) {

    /** Result severity. */
    public enum Status { PASS, WARN, FAIL }

    public static ReadinessCheck pass(String id, String title, String detail) {
        return new ReadinessCheck(id, title, Status.PASS, detail, "");
    }

    public static ReadinessCheck warn(String id, String title, String detail, String fix) {
        return new ReadinessCheck(id, title, Status.WARN, detail, fix);
    }

    public static ReadinessCheck fail(String id, String title, String detail, String fix) {
        return new ReadinessCheck(id, title, Status.FAIL, detail, fix);
    }
}
