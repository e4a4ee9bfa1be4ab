package dev.ferry.engine.validate;

import java.util.List;

/**
 * How one table compared.
 *
 * @param table         the source's qualified name
 * @param status        VALIDATED, MISMATCHED or NOT_COMPARABLE
 * @param sourceRows    rows on the source
 * @param targetRows    rows on the target
 * @param missing       rows on the source but not the target
 * @param extra         rows on the target but not the source
 * @param different     rows on both with different values
 * @param missingKeys   the first keys of missing rows ({@code col=value[, ...]}), capped
 * @param extraKeys     the first keys of extra rows, capped
 * @param differentKeys the first keys of different rows, capped
 * @param differentColumns the (source) columns whose values differed in at least one row
 * @param rangesCompared ranges checksummed
 * @param rangesDiffered ranges whose checksums differed (and were diffed row by row)
 * @param reason        why the table is NOT_COMPARABLE, or {@code null}
 */
public record TableValidation(String table, Status status, long sourceRows, long targetRows, long missing, long extra,
                              long different, List<String> missingKeys, List<String> extraKeys, List<String> differentKeys,
                              List<String> differentColumns, int rangesCompared, int rangesDiffered, String reason) {

    public enum Status { VALIDATED, MISMATCHED, NOT_COMPARABLE }

    public TableValidation {
        missingKeys = List.copyOf(missingKeys);
        extraKeys = List.copyOf(extraKeys);
        differentKeys = List.copyOf(differentKeys);
        differentColumns = List.copyOf(differentColumns);
    }
}
