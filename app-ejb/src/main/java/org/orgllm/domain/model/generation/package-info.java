/**
 * Generations: one record per call to the model, whatever door it came through — request, rendered
 * prompt, raw and parsed output, model and adapter version, sampling, token counts, timings, status.
 */
package org.orgllm.domain.model.generation;
