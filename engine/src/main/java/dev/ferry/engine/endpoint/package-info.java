/**
 * Endpoints: parsing connection URLs ({@link dev.ferry.engine.endpoint.EndpointUrl}), mapping an
 * {@link dev.ferry.model.project.EndpointConfig} to driver URLs and properties ({@link dev.ferry.engine.endpoint.JdbcUrls}),
 * opening connections ({@link dev.ferry.engine.endpoint.ConnectionFactory}), testing them with a classified, redacted
 * outcome ({@link dev.ferry.engine.endpoint.ConnectionTester}) and pre-migration readiness checks per
 * {@link dev.ferry.engine.endpoint.Role} ({@link dev.ferry.engine.endpoint.ReadinessChecker}). Per-engine classes carry
 * the engine prefix ({@code PostgresReadiness}, {@code MySqlReadiness}, ...).
 */
package dev.ferry.engine.endpoint;
