/**
 * The application's port to the language model ({@link org.orgllm.application.generation.LanguageModel}):
 * what a generation asks for (messages, sampling, an optional JSON schema, a token budget, a stream
 * listener, a cancellation signal) and what it returns (text, finish reason, usage, timings), plus
 * the typed errors callers map to HTTP statuses or Temporal failures.
 */
package org.orgllm.application.generation;
