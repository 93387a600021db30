/**
 * The OpenAI-compatible HTTP API at {@code /v1} ({@code GET /v1/models}, {@code POST /v1/chat/completions},
 * {@code POST /v1/completions}), so existing OpenAI client code switches to OrgLLM by changing only its
 * base URL and key. Thin resources check the wire format (naming any unsupported parameter in a 400),
 * convert it to a {@link org.orgllm.application.ChatCompletionCall} and hand over to
 * {@link org.orgllm.application.ChatCompletionService}; errors leave in OpenAI's
 * {@code {"error": {...}}} body. A JAX-RS application of its own, so its providers never mix with
 * those of {@code /api}.
 */
package org.orgllm.interfaces.openai;
