package org.orgllm.domain.model.generation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.orgllm.domain.model.organization.OrganizationId;

/**
 * One call to the model. Created before the inference starts and completed (or failed) after it,
 * each in its own short transaction, so a failed or interrupted call is still on record.
 */
@Entity
@Table(name = "generations")
public class Generation {

    @Id
    @Column(name = "id")
    private UUID id;

    @Column(name = "organization_id", nullable = false, length = 63)
    private String organizationId;

    @Column(name = "use_case", nullable = false, length = 64)
    private String useCase;

    @Column(name = "channel", nullable = false, length = 20)
    private String channel;

    @Column(name = "requested_by", length = 200)
    private String requestedBy;

    @Column(name = "idempotency_key", length = 300, unique = true)
    private String idempotencyKey;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "request_json", nullable = false)
    private String requestJson;

    @Column(name = "prompt")
    private String prompt;

    @Column(name = "template_version", length = 40)
    private String templateVersion;

    @Column(name = "base_model", length = 200)
    private String baseModel;

    @Column(name = "adapter_version", length = 100)
    private String adapterVersion;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "sampling_json")
    private String samplingJson;

    @Column(name = "raw_output")
    private String rawOutput;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "parsed_output_json")
    private String parsedOutputJson;

    @Column(name = "status", nullable = false, length = 20)
    private String status;

    @Column(name = "finish_reason", length = 20)
    private String finishReason;

    @Column(name = "error_type", length = 100)
    private String errorType;

    @Column(name = "error_message")
    private String errorMessage;

    @Column(name = "prompt_tokens")
    private Integer promptTokens;

    @Column(name = "completion_tokens")
    private Integer completionTokens;

    @Column(name = "queue_ms")
    private Long queueMs;

    @Column(name = "time_to_first_token_ms")
    private Long timeToFirstTokenMs;

    @Column(name = "total_ms")
    private Long totalMs;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    protected Generation() {
        // for JPA
    }

    /** A new generation about to run. */
    public Generation(OrganizationId organization, String useCase, Channel channel, String requestedBy,
            String idempotencyKey, String requestJson, String prompt, String templateVersion, String samplingJson) {
        this.id = UUID.randomUUID();
        this.organizationId = organization.value();
        this.useCase = useCase;
        this.channel = channel.wire();
        this.requestedBy = requestedBy;
        this.idempotencyKey = idempotencyKey;
        this.requestJson = storableJson(requestJson);
        this.prompt = storable(prompt);
        this.templateVersion = templateVersion;
        this.samplingJson = storableJson(samplingJson);
        this.status = GenerationStatus.RUNNING.name();
        this.createdAt = Instant.now();
    }

    /** Usage and timings of a finished inference. */
    public record Measurements(String baseModel, String adapterVersion, String finishReason, Integer promptTokens,
                               Integer completionTokens, Long queueMs, Long timeToFirstTokenMs, Long totalMs) {}

    /** @param renderedPrompt the exact prompt text the model saw (replaces the one recorded at the start) */
    public void succeed(String renderedPrompt, String rawOutput, String parsedOutputJson, Measurements m) {
        if (renderedPrompt != null) {
            this.prompt = storable(renderedPrompt);
        }
        this.rawOutput = storable(rawOutput);
        this.parsedOutputJson = storableJson(parsedOutputJson);
        apply(m);
        this.status = GenerationStatus.SUCCEEDED.name();
        this.completedAt = Instant.now();
    }

    public void fail(GenerationStatus status, String errorType, String errorMessage, String rawOutput, Measurements m) {
        this.status = status.name();
        this.errorType = errorType;
        this.errorMessage = errorMessage == null ? null
                : errorMessage.length() > 4000 ? errorMessage.substring(0, 4000) : errorMessage;
        this.rawOutput = storable(rawOutput);
        if (m != null) {
            apply(m);
        }
        this.completedAt = Instant.now();
    }

    /**
     * PostgreSQL text cannot hold U+0000 (and jsonb rejects its escape), yet a model — or a request —
     * can produce it; it is stored as U+FFFD so the record is never lost over one character.
     */
    static String storable(String text) {
        return text == null || text.indexOf('\u0000') < 0 ? text : text.replace('\u0000', '\uFFFD');
    }

    static String storableJson(String json) {
        return json == null ? null : storable(json).replace("\\u0000", "\\uFFFD");
    }

    /** A failed attempt gives up its key (kept for the record with a suffix) so a retry can use it. */
    public void releaseIdempotencyKey() {
        if (idempotencyKey != null && status() != GenerationStatus.SUCCEEDED) {
            String released = idempotencyKey + "#attempt-" + id;
            idempotencyKey = released.length() > 300 ? null : released;
        }
    }

    private void apply(Measurements m) {
        this.baseModel = m.baseModel();
        this.adapterVersion = m.adapterVersion();
        this.finishReason = m.finishReason();
        this.promptTokens = m.promptTokens();
        this.completionTokens = m.completionTokens();
        this.queueMs = m.queueMs();
        this.timeToFirstTokenMs = m.timeToFirstTokenMs();
        this.totalMs = m.totalMs();
    }

    public UUID id() { return id; }
    public OrganizationId organizationId() { return OrganizationId.of(organizationId); }
    public String useCase() { return useCase; }
    public String channel() { return channel; }
    public String requestedBy() { return requestedBy; }
    public String idempotencyKey() { return idempotencyKey; }
    public String requestJson() { return requestJson; }
    public String prompt() { return prompt; }
    public String templateVersion() { return templateVersion; }
    public String baseModel() { return baseModel; }
    public String adapterVersion() { return adapterVersion; }
    public String samplingJson() { return samplingJson; }
    public String rawOutput() { return rawOutput; }
    public String parsedOutputJson() { return parsedOutputJson; }
    public GenerationStatus status() { return GenerationStatus.valueOf(status); }
    public String finishReason() { return finishReason; }
    public String errorType() { return errorType; }
    public String errorMessage() { return errorMessage; }
    public Integer promptTokens() { return promptTokens; }
    public Integer completionTokens() { return completionTokens; }
    public Long queueMs() { return queueMs; }
    public Long timeToFirstTokenMs() { return timeToFirstTokenMs; }
    public Long totalMs() { return totalMs; }
    public Instant createdAt() { return createdAt; }
    public Instant completedAt() { return completedAt; }
}
