package dev.ferry.app.gui.cutover;

import java.util.List;

/**
 * One step of the cutover wizard.
 *
 * @param number  1..6
 * @param title   what the step does
 * @param status  PENDING, RUNNING, DONE or FAILED
 * @param details what it did (recorded in the state file)
 */
public record CutoverStepRow(int number, String title, String status, List<String> details) {

    public CutoverStepRow {
        details = List.copyOf(details);
    }

    CutoverStepRow with(String newStatus) {
        return new CutoverStepRow(number, title, newStatus, details);
    }

    CutoverStepRow withDetail(String line) {
        List<String> d = new java.util.ArrayList<>(details);
        d.add(line);
        return new CutoverStepRow(number, title, status, d);
    }

    CutoverStepRow started() {
        return new CutoverStepRow(number, title, "RUNNING", List.of());
    }
}
