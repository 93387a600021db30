package org.orgllm.infrastructure.inference;

/** Whether the engine can serve, and why not when it cannot. */
public record ModelStatus(State state, String model, String detail) {

    /** The life of the hosted model. */
    public enum State { LOADING, READY, NOT_CONFIGURED, FAILED }

    public boolean ready() {
        return state == State.READY;
    }
}
