package org.orgllm.interfaces.temporal;

/**
 * What the Temporal worker is doing, for the readiness check.
 *
 * @param reason why it is not running (or where it runs), for people reading {@code /health/ready}
 */
public record WorkerStatus(State state, String reason) {

    public enum State {
        /** No {@code TEMPORAL_ADDRESS} (nor {@code TEMPORAL_EMBEDDED}): nothing to do, and that is fine. */
        DISABLED,
        /** Connecting to Temporal. */
        STARTING,
        /** Polling the task queue. */
        RUNNING,
        /** Could not start (e.g. Temporal unreachable); retried periodically. */
        FAILED,
        /** Shut down with the application. */
        STOPPED
    }

    /** Ready unless it should run and does not. */
    public boolean ready() {
        return state == State.DISABLED || state == State.RUNNING;
    }
}
