/**
 * Post-load validation: {@link dev.ferry.engine.validate.Validator} compares source and target row counts, per-range
 * checksums over normalised values and, where checksums differ, the rows themselves (missing / extra / different keys).
 */
package dev.ferry.engine.validate;
