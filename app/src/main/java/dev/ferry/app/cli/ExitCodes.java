package dev.ferry.app.cli;

/** Ferry's process exit codes. */
public final class ExitCodes {
    /** The command did what was asked. */
    public static final int OK = 0;
    /** The command ran but its work failed (a load error, a failed validation of data, a lost connection). */
    public static final int WORK_FAILED = 1;
    /** Bad usage or configuration: unknown option, missing argument, invalid project file. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
