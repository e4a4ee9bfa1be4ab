package dev.ferry.model.project;

/**
 * The DMS {@code object-locator}: which schema, table or column a rule applies to. {@code %} is the DMS wildcard
 * (any run of characters) and {@code _} matches one character.
 *
 * @param schemaName          {@code schema-name}, required
 * @param tableName           {@code table-name}; absent only for schema-level transformations
 * @param tableType           {@code table-type} (selection rules): {@code table}, {@code view} or {@code all}, or {@code null}
 * @param columnName          {@code column-name} (column transformations), or {@code null}
 * @param dataType            {@code data-type} (column transformations selecting columns by type), or {@code null}
 * @param tableTablespaceName {@code table-tablespace-name} (Oracle tablespace transformations), or {@code null}
 * @param indexTablespaceName {@code index-tablespace-name} (Oracle tablespace transformations), or {@code null}
 */
public record ObjectLocator(String schemaName, String tableName, String tableType, String columnName, String dataType,
                            String tableTablespaceName, String indexTablespaceName) {

    public static ObjectLocator table(String schemaName, String tableName) {
        return new ObjectLocator(schemaName, tableName, null, null, null, null, null);
    }

    public static ObjectLocator column(String schemaName, String tableName, String columnName) {
        return new ObjectLocator(schemaName, tableName, null, columnName, null, null, null);
    }

    /** Whether {@code name} matches the DMS pattern {@code pattern} ({@code %} any run, {@code _} one character), case-sensitively. */
    public static boolean matches(String pattern, String name) {
        if (pattern == null) {
            return true;
        }
        StringBuilder re = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '%') {
                re.append(".*");
            } else if (c == '_') {
                re.append('.');
            } else {
                re.append(java.util.regex.Pattern.quote(String.valueOf(c)));
            }
        }
        return name != null && name.matches(re.toString());
    }
}
