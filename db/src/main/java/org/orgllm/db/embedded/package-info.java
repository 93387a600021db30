/**
 * Runs a command against an embedded PostgreSQL (zonky's real PostgreSQL binaries) whose data
 * survives restarts; used by the one-command local run when no {@code DB_URL} is given.
 */
package org.orgllm.db.embedded;
