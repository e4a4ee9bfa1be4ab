/**
 * The assessment report of a schema conversion ({@link dev.ferry.converter.report.AssessmentReport}) and its writers:
 * {@code assessment.json} (the documented contract, {@code docs/assessment-report.md}), a self-contained
 * {@code assessment.html}, a printable {@code assessment.pdf}, SCT-style CSVs and the {@code converted/} folder with one
 * SQL file per object in deploy order. Writers are stateless; no database or parser access here.
 */
package dev.ferry.converter.report;
