/**
 * Reviewers' judgements of generations — the RLHF data: a {@link org.orgllm.domain.model.feedback.Feedback}
 * per generation and reviewer (ratings, thumbs, rationale, a corrected output) and
 * {@link org.orgllm.domain.model.feedback.PreferencePair}s choosing the better of two answers to one request.
 */
package org.orgllm.domain.model.feedback;
