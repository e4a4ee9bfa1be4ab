/**
 * Renders the neutral schema model as target DDL, one {@code ConvertedObject} per deployable object. Works on the
 * model and plain strings; expressions are translated by the parse-tree translators in {@code ..parse..}.
 */
package dev.ferry.converter.render;
