/**
 * Figures over generations and feedback for the dashboards: requests over time, latency percentiles,
 * throughput, ratings and the share of answers meeting the organization's targets. Read-only.
 */
package org.orgllm.domain.model.statistics;
