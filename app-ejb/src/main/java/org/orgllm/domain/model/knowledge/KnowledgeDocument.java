package org.orgllm.domain.model.knowledge;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.orgllm.domain.model.organization.OrganizationId;

/** A document an organization added to its knowledge base (plain text or Markdown). */
@Entity
@Table(name = "knowledge_documents")
public class KnowledgeDocument {

    @Id
    @Column(name = "id")
    private UUID id;

    @Column(name = "organization_id", nullable = false, length = 63)
    private String organizationId;

    @Column(name = "title", nullable = false, length = 300)
    private String title;

    @Column(name = "media_type", nullable = false, length = 100)
    private String mediaType;

    @Column(name = "size_bytes", nullable = false)
    private int sizeBytes;

    @Column(name = "content", nullable = false)
    private String content;

    @Column(name = "created_by", length = 200)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected KnowledgeDocument() {
        // for JPA
    }

    public KnowledgeDocument(OrganizationId organization, String title, String mediaType, String content, String createdBy) {
        this.id = UUID.randomUUID();
        this.organizationId = organization.value();
        this.title = title;
        this.mediaType = mediaType;
        this.content = content;
        this.sizeBytes = content.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
    }

    public UUID id() { return id; }
    public OrganizationId organizationId() { return OrganizationId.of(organizationId); }
    public String title() { return title; }
    public String mediaType() { return mediaType; }
    public int sizeBytes() { return sizeBytes; }
    public String content() { return content; }
    public String createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
}
