package dev.ferry.app;

/** Entry point: no arguments opens the workbench, a subcommand runs headless. Replaced by the CLI wiring. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("ferry");
    }
}
