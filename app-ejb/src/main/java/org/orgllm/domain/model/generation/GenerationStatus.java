package org.orgllm.domain.model.generation;

/** The life of a generation record. */
public enum GenerationStatus { PENDING, RUNNING, SUCCEEDED, FAILED, CANCELLED }
