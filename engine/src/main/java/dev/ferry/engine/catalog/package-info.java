/**
 * Live catalog readers: {@link dev.ferry.engine.catalog.CatalogReaders#forEngine} returns the
 * {@link dev.ferry.engine.catalog.CatalogReader} of an engine, which turns a JDBC connection plus a
 * {@link dev.ferry.engine.catalog.CatalogRequest} into an immutable {@link dev.ferry.model.schema.DatabaseModel},
 * reporting progress to a {@link dev.ferry.engine.catalog.CatalogListener}. {@link dev.ferry.engine.catalog.CatalogPrinter}
 * renders a model as the text {@code ferry catalog} prints; {@link dev.ferry.model.schema.ModelJson} writes it as JSON.
 * One sub-package per engine: {@code postgres}, {@code mysql} (MySQL 8 and MariaDB), {@code sqlite}, {@code oracle}.
 */
package dev.ferry.engine.catalog;
