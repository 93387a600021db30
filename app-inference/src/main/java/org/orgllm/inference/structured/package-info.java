/**
 * JSON-Schema constrained decoding: the generated text always parses as JSON and validates against
 * the request's schema, whatever the model's logits.
 *
 * <p>This package owns the exact output bytes of every token id ({@link
 * org.orgllm.inference.structured.TokenVocabulary}, read from a Hugging Face {@code tokenizer.json}),
 * the compiler from a JSON-Schema subset to a byte-level pushdown automaton ({@link
 * org.orgllm.inference.structured.JsonSchemaConstraint}), the per-request matcher that masks the logits
 * of every token that could not continue a valid document ({@link
 * org.orgllm.inference.structured.ConstrainedSequence}, an {@link
 * org.orgllm.inference.sampling.LogitsProcessor}), schemas derived from Java records ({@link
 * org.orgllm.inference.structured.RecordSchemas}) and a benchmark of the masking cost ({@link
 * org.orgllm.inference.structured.ConstraintBench}).
 *
 * <p>Masks come from walking a byte trie of the vocabulary together with the automaton and pruning every
 * subtree whose prefix the automaton rejects; inside free text a precomputed bitset covers the tokens
 * that cannot leave the string, so only tokens holding a quote or backslash are walked. Masks are cached
 * per automaton state, so repeated states cost a lookup. Every accepted prefix can still be completed
 * within the schema's bounds, and strings, arrays, numbers and whitespace are all bounded, so generation
 * ends even with random logits.
 *
 * <p>Typical use, per model and per request:
 * <pre>{@code
 * TokenVocabulary vocab = TokenVocabulary.fromTokenizerJson(modelDir.resolve("tokenizer.json")); // once per model
 * JsonSchemaConstraint schema = JsonSchemaConstraint.compile(RecordSchemas.json(Answer.class), vocab, eosIds);
 * ConstrainedSequence json = schema.start();                                // once per request
 * Sampler sampler = new Sampler(params, List.of(json));                    // masks before penalties and warpers
 * // each step: id = sampler.sample(logits, history); history.append(id);  (json catches up from the history)
 * // near the token budget: if (json.tokensToComplete() >= tokensLeft - 1) json.closeNow();
 * }</pre>
 */
package org.orgllm.inference.structured;
