/**
 * The honest per-object assessment of a schema conversion: {@link dev.ferry.converter.assess.ConvertedObject} with
 * its {@link dev.ferry.converter.assess.ObjectStatus} and {@link dev.ferry.converter.assess.ActionItem}s (stable codes
 * from {@link dev.ferry.converter.assess.ActionCode}, documented in {@code docs/action-items.md}), the
 * {@link dev.ferry.converter.assess.ConversionResult} with effort and complexity, and the
 * {@link dev.ferry.converter.assess.DeployOrder}. Immutable records; no database or parser access here.
 */
package dev.ferry.converter.assess;
