/**
 * The application's datasource (configured from {@code DB_URL}, {@code DB_USER}, {@code DB_PASSWORD})
 * and the Flyway migration that runs at startup before anything uses the database.
 */
package org.orgllm.infrastructure.persistence;
