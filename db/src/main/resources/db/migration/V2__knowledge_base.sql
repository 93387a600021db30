-- Organizations' knowledge documents, split into chunks indexed with PostgreSQL full-text search.
-- answer_organizational_query retrieves the best chunks of the asking organization only.

CREATE TABLE knowledge_documents (
    id              UUID         PRIMARY KEY,
    organization_id VARCHAR(63)  NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    title           VARCHAR(300) NOT NULL,
    media_type      VARCHAR(100) NOT NULL,
    size_bytes      INTEGER      NOT NULL,
    content         TEXT         NOT NULL,
    created_by      VARCHAR(200),
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX knowledge_documents_org_idx ON knowledge_documents(organization_id, created_at DESC);

CREATE TABLE knowledge_chunks (
    id              BIGSERIAL    PRIMARY KEY,
    document_id     UUID         NOT NULL REFERENCES knowledge_documents(id) ON DELETE CASCADE,
    organization_id VARCHAR(63)  NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    ordinal         INTEGER      NOT NULL,
    content         TEXT         NOT NULL,
    tsv             TSVECTOR     GENERATED ALWAYS AS (to_tsvector('english', content)) STORED,
    UNIQUE (document_id, ordinal)
);
CREATE INDEX knowledge_chunks_tsv_idx ON knowledge_chunks USING GIN (tsv);
CREATE INDEX knowledge_chunks_org_idx ON knowledge_chunks(organization_id);
