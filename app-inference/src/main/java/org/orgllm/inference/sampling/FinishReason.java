package org.orgllm.inference.sampling;

/** Why a sequence stopped generating, in OpenAI's vocabulary plus two engine-side reasons. */
public enum FinishReason {
    /** An end-of-sequence token, a stop token id or a stop string ended the sequence. */
    STOP,
    /** {@code maxNewTokens} tokens were generated. */
    LENGTH,
    /** The client or the server cancelled the request. */
    CANCELLED,
    /** The engine failed while generating this sequence. */
    ERROR
}
