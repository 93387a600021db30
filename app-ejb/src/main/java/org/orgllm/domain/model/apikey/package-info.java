/**
 * Organization API keys: {@code ollm_<prefix>_<secret>}. Only the prefix (to find the key) and a
 * SHA-256 of the whole key are stored; the key itself is shown once, when it is created.
 */
package org.orgllm.domain.model.apikey;
