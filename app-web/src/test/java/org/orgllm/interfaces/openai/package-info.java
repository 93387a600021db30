/**
 * Integration tests of the OpenAI-compatible API with the clients people use against it (the official
 * OpenAI Java SDK, LangChain4j) and as plain HTTP, against the deployed application and the demo model.
 */
package org.orgllm.interfaces.openai;
