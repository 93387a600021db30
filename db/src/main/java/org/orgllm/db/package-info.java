/**
 * The database module: Flyway migrations under {@code db/migration} (applied by the application at
 * startup) and, in {@link org.orgllm.db.embedded}, the embedded PostgreSQL of the local run.
 */
package org.orgllm.db;
