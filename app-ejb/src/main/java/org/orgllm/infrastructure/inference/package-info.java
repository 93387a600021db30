/**
 * Hosts the inference engine inside the application: loads libtorch and the configured base model
 * once at startup (never on a first request) and reports whether the model is ready.
 */
package org.orgllm.infrastructure.inference;
