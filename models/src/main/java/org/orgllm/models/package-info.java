/** Builds the demo model folders (a small Qwen2-architecture base and a demo organization adapter). */
package org.orgllm.models;
