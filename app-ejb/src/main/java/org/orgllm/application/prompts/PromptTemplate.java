package org.orgllm.application.prompts;

import java.util.List;
import org.orgllm.application.OrganizationProfile;
import org.orgllm.application.generation.ChatMessage;

/** Renders a use-case request into chat messages for an organization. */
public interface PromptTemplate<Q> {

    /** Recorded with each generation, e.g. {@code analyze_document_content/v1}. */
    String version();

    List<ChatMessage> render(OrganizationProfile organization, Q request);
}
