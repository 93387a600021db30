/**
 * Knowledge documents of an organization, their chunks, and the chunk retrieval (full-text search)
 * that grounds knowledge answers.
 */
package org.orgllm.domain.model.knowledge;
