/**
 * Where base models and organizations' adapters live on disk, and which adapters are in memory.
 *
 * <p>Layout under a models root:
 *
 * <pre>
 * models/base/&lt;name&gt;/              config.json, *.safetensors, tokenizer.json
 * models/trained/org-&lt;id&gt;/         adapter_config.json + adapter_model.safetensors   (version "v0")
 * models/trained/org-&lt;id&gt;/v&lt;N&gt;/    one folder per version; the file ACTIVE names the active one
 * </pre>
 *
 * <p>{@link org.orgllm.inference.registry.OrganizationId} validates an id before any path is built
 * from it, and {@link org.orgllm.inference.registry.ModelStore} checks that every resolved real path
 * (symlinks followed) stays inside the root. {@link org.orgllm.inference.registry.AdapterRegistry}
 * resolves an organization's active version and loads it through an
 * {@link org.orgllm.inference.registry.AdapterCache}: LRU, bounded by count and bytes, with reference
 * counted {@link org.orgllm.inference.registry.AdapterLease}s so an evicted adapter is freed only when
 * the last running request using it lets go. That is also what makes activating a new version safe
 * while requests still run on the old one.
 */
package org.orgllm.inference.registry;
