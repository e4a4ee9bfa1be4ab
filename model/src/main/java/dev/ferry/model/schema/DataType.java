package dev.ferry.model.schema;

import java.util.List;

/**
 * A column or parameter type exactly as the source engine declares it.
 *
 * @param name          the engine's base type name in lower case, e.g. {@code varchar2}, {@code numeric}, {@code tinyint}
 * @param length        character or byte length, or {@code null}
 * @param precision     numeric precision or fractional-seconds precision, or {@code null}
 * @param scale         numeric scale, or {@code null}
 * @param charSemantics {@code BYTE} or {@code CHAR} length semantics (Oracle), or {@code null}
 * @param unsigned      MySQL {@code UNSIGNED}
 * @param zerofill      MySQL {@code ZEROFILL}
 * @param values        ENUM/SET members in declaration order (MySQL), empty otherwise
 * @param arrayDimensions PostgreSQL array dimensions, 0 for scalars
 * @param declared      the full declared type text as the catalog reports it, e.g. {@code varchar(30) CHAR}
 */
public record DataType(String name, Long length, Integer precision, Integer scale, CharSemantics charSemantics,
                       boolean unsigned, boolean zerofill, List<String> values, int arrayDimensions, String declared) {

    public enum CharSemantics { BYTE, CHAR }

    public DataType {
        values = Lists.copy(values);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("type name is required");
        }
    }

    public static DataType of(String name) {
        return new DataType(name, null, null, null, null, false, false, List.of(), 0, name);
    }

    public static DataType of(String name, Long length, Integer precision, Integer scale, String declared) {
        return new DataType(name, length, precision, scale, null, false, false, List.of(), 0, declared == null ? name : declared);
    }

    public DataType withDeclared(String declaredText) {
        return new DataType(name, length, precision, scale, charSemantics, unsigned, zerofill, values, arrayDimensions, declaredText);
    }
}
