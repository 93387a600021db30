/**
 * Inbound adapter for Temporal: a worker that serves the use cases as activities under the names
 * existing workflows call ({@link org.orgllm.interfaces.temporal.UseCaseActivities}) on the task queue
 * {@value org.orgllm.interfaces.temporal.TaskQueues#LOCAL_LLM}. Thin: decodes, delegates to the same
 * application services as the REST API, and maps their errors to typed Temporal failures.
 *
 * <p><b>Trust model.</b> Activity tasks come from Temporal, not from a signed-in person: there is no
 * caller to check. The worker is a trusted internal caller — whoever can start workflows in the
 * namespace and put activities on the task queue can have any organization's use cases run — so access
 * is controlled where Temporal is reached (network, namespace, mTLS/authorization of the Temporal
 * deployment). The application services still decide per call through
 * {@link org.orgllm.application.CallerContext}; the worker reaches them through
 * {@link org.orgllm.interfaces.temporal.WorkerUseCases}, which runs as the {@code ADMIN} role under the
 * principal {@value org.orgllm.interfaces.temporal.WorkerUseCases#PRINCIPAL} (recorded as the
 * generations' {@code requested_by}). Leave {@code TEMPORAL_ADDRESS} unset where Temporal is not trusted:
 * the worker is then disabled.
 */
package org.orgllm.interfaces.temporal;
