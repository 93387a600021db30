package org.orgllm.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A document to add to an organization's knowledge base. */
public record NewKnowledgeDocument(
        @NotBlank @Size(max = 300) String title,
        @Pattern(regexp = "text/plain|text/markdown", message = "must be text/plain or text/markdown") String mediaType,
        @NotBlank String content) {

    /** Documents larger than this are refused with 413. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    public NewKnowledgeDocument {
        mediaType = mediaType == null || mediaType.isBlank() ? "text/plain" : mediaType;
    }
}
