package org.orgllm.application.prompts;

import java.util.List;
import org.orgllm.application.OrganizationProfile;
import org.orgllm.application.generation.ChatMessage;
import org.orgllm.application.usecases.KnowledgeQuery;
import org.orgllm.domain.model.knowledge.RetrievedChunk;

/** The knowledge answer prompt: the question and the retrieved passages, numbered by their reference. */
public final class KnowledgePrompt {

    public static final String VERSION = "answer_organizational_query/v1";

    private KnowledgePrompt() {}

    public static List<ChatMessage> render(OrganizationProfile org, KnowledgeQuery query, List<RetrievedChunk> chunks) {
        StringBuilder passages = new StringBuilder();
        for (RetrievedChunk c : chunks) {
            passages.append("[").append(c.reference()).append("]\n").append(c.content().strip()).append("\n\n");
        }
        return List.of(
                Prompts.system(org, "the knowledge assistant"),
                ChatMessage.user("""
                        Answer the question using only the passages from %s's knowledge base below. If they do not \
                        contain the answer, say so and give a low confidence score (0 to 1). Name related policies and \
                        suggest follow-up questions.

                        Question: %s
                        Additional context: %s

                        Passages:
                        %s""".formatted(query.organizationName(), query.question(), Prompts.orNone(query.context()),
                        passages.toString().strip())));
    }
}
