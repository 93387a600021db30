/**
 * The organizational use cases: one service interface per use case with its typed request and
 * response records. Field names are the ones existing workflows use (snake_case on the wire); the
 * response records are also the single source of the JSON schemas the model's output is held to.
 */
package org.orgllm.application.usecases;
