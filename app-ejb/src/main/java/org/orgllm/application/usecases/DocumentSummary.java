package org.orgllm.application.usecases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A plain summary of a document. */
public record DocumentSummary(@NotBlank @Size(max = 4000) String summary) {}
