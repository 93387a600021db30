/**
 * Versioned prompt templates, one per use case: they weave the organization's profile and the
 * request into chat messages. The version is recorded with every generation, so a rating can be
 * traced to the exact wording that produced it; change the wording, change the version.
 */
package org.orgllm.application.prompts;
