package org.orgllm.inference.engine;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.orgllm.inference.sampling.SamplingParams;

/**
 * One generation to run. Build with {@link #builder()}.
 *
 * @param organization whose adapter to apply (its active version at submit time), or null for the base model
 * @param promptIds the prompt's token ids (already templated and tokenized)
 * @param sampling sampling and stop settings, including the seed and {@code maxNewTokens}
 * @param constraint makes a fresh {@link TokenConstraint} for this request (e.g. a JSON schema), or null
 * @param deadline the longest the request may take from submit, or null for none
 * @param listener receives each non-empty text delta on the inference thread: it must return quickly;
 *     if it throws, the request is cancelled (its client went away). May be null.
 */
public record GenerationRequest(
    String organization,
    int[] promptIds,
    SamplingParams sampling,
    Supplier<? extends TokenConstraint> constraint,
    Duration deadline,
    Consumer<String> listener) {

  public GenerationRequest {
    Objects.requireNonNull(promptIds, "promptIds");
    if (promptIds.length == 0) {
      throw new IllegalArgumentException("the prompt needs at least one token");
    }
    promptIds = promptIds.clone();
    sampling = sampling == null ? SamplingParams.defaults() : sampling;
    if (deadline != null && (deadline.isNegative() || deadline.isZero())) {
      throw new IllegalArgumentException("deadline must be positive, got " + deadline);
    }
  }

  /** The prompt ids (a copy). */
  @Override
  public int[] promptIds() {
    return promptIds.clone();
  }

  /** A builder; sampling defaults to {@link SamplingParams#defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Mutable builder. */
  public static final class Builder {
    private String organization;
    private int[] promptIds;
    private SamplingParams sampling;
    private Supplier<? extends TokenConstraint> constraint;
    private Duration deadline;
    private Consumer<String> listener;

    private Builder() {}

    public Builder organization(String v) { organization = v; return this; }
    public Builder promptIds(int... v) { promptIds = v; return this; }
    public Builder sampling(SamplingParams v) { sampling = v; return this; }
    public Builder constraint(Supplier<? extends TokenConstraint> v) { constraint = v; return this; }
    public Builder deadline(Duration v) { deadline = v; return this; }
    public Builder listener(Consumer<String> v) { listener = v; return this; }

    public GenerationRequest build() {
      return new GenerationRequest(organization, promptIds, sampling, constraint, deadline, listener);
    }
  }
}
