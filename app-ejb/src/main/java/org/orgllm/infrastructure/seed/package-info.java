/** Demo data for the local run: the {@code techcorp} organization and a few people to sign in as. */
package org.orgllm.infrastructure.seed;
