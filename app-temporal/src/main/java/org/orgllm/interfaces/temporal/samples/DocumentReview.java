package org.orgllm.interfaces.temporal.samples;

import org.orgllm.application.usecases.CommunicationDraft;
import org.orgllm.application.usecases.DocumentAnalysis;

/** The review: the document's analysis and the note that announces it. */
public record DocumentReview(DocumentAnalysis analysis, CommunicationDraft note) {}
