/**
 * Inbound adapter for Temporal: a worker that serves the use cases as activities under the names
 * existing workflows call. Thin: validates, converts and delegates to the application services.
 */
package org.orgllm.interfaces.temporal;
