/** Inbound adapters of the WAR: REST resources, the portal's beans, health checks and authentication. */
package org.orgllm.interfaces;
