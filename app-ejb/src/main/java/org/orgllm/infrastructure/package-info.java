/** Technical adapters of the application: persistence, security stores, the inference runtime. */
package org.orgllm.infrastructure;
