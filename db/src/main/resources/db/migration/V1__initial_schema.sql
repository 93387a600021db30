-- OrgLLM initial schema: organizations and their profiles, people and their access, API keys,
-- generations (every call to the model) and reviewers' feedback on them (the RLHF data).

-- An organization is addressed by a slug; the same rule guards every path built from it.
CREATE TABLE organizations (
    id                   VARCHAR(63)  PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name                 VARCHAR(200) NOT NULL,
    description          TEXT,
    organizational_values TEXT[]      NOT NULL DEFAULT '{}',
    strategic_goals      TEXT[]       NOT NULL DEFAULT '{}',
    risk_profile         VARCHAR(2000),
    strengths            TEXT[]       NOT NULL DEFAULT '{}',
    communication_style  VARCHAR(2000),
    brand_voice          VARCHAR(4000),
    created_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version              BIGINT       NOT NULL DEFAULT 0
);

CREATE TABLE users (
    username      VARCHAR(100) PRIMARY KEY CHECK (username ~ '^[A-Za-z0-9._@-]{2,100}$'),
    display_name  VARCHAR(200) NOT NULL,
    -- Jakarta Security Pbkdf2PasswordHash format: algorithm:iterations:salt:hash
    password_hash VARCHAR(500) NOT NULL,
    enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Global roles of a person; what they may see is further limited by their memberships.
CREATE TABLE user_roles (
    username VARCHAR(100) NOT NULL REFERENCES users(username) ON DELETE CASCADE,
    role     VARCHAR(20)  NOT NULL CHECK (role IN ('USER', 'REVIEWER', 'ADMIN')),
    PRIMARY KEY (username, role)
);

CREATE TABLE memberships (
    username        VARCHAR(100) NOT NULL REFERENCES users(username) ON DELETE CASCADE,
    organization_id VARCHAR(63)  NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (username, organization_id)
);
CREATE INDEX memberships_org_idx ON memberships(organization_id);

-- API keys are shown once; only a SHA-256 of the secret is kept, the prefix identifies the key.
CREATE TABLE api_keys (
    id              BIGSERIAL    PRIMARY KEY,
    organization_id VARCHAR(63)  NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    name            VARCHAR(200) NOT NULL,
    prefix          VARCHAR(32)  NOT NULL UNIQUE,
    secret_hash     VARCHAR(128) NOT NULL,
    created_by      VARCHAR(100),
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    last_used_at    TIMESTAMPTZ,
    revoked_at      TIMESTAMPTZ
);
CREATE INDEX api_keys_org_idx ON api_keys(organization_id);

-- One row per call to the model, whatever door it came through; written before and after the
-- (long) inference in separate transactions so that a failed call is recorded, not lost.
CREATE TABLE generations (
    id                  UUID         PRIMARY KEY,
    organization_id     VARCHAR(63)  NOT NULL REFERENCES organizations(id),
    use_case            VARCHAR(64)  NOT NULL,
    channel             VARCHAR(20)  NOT NULL DEFAULT 'api' CHECK (channel IN ('portal', 'api', 'openai', 'temporal')),
    requested_by        VARCHAR(200),
    idempotency_key     VARCHAR(300) UNIQUE,
    request_json        JSONB        NOT NULL,
    prompt              TEXT,
    template_version    VARCHAR(40),
    base_model          VARCHAR(200),
    adapter_version     VARCHAR(100),
    sampling_json       JSONB,
    raw_output          TEXT,
    parsed_output_json  JSONB,
    status              VARCHAR(20)  NOT NULL CHECK (status IN ('PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    finish_reason       VARCHAR(20),
    error_type          VARCHAR(100),
    error_message       TEXT,
    prompt_tokens       INTEGER,
    completion_tokens   INTEGER,
    queue_ms            BIGINT,
    time_to_first_token_ms BIGINT,
    total_ms            BIGINT,
    created_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    completed_at        TIMESTAMPTZ
);
CREATE INDEX generations_org_created_idx ON generations(organization_id, created_at DESC);
CREATE INDEX generations_org_use_case_idx ON generations(organization_id, use_case, created_at DESC);

-- A reviewer's rating of one generation; one per (generation, reviewer), editable by its author.
CREATE TABLE feedback (
    id                 BIGSERIAL    PRIMARY KEY,
    generation_id      UUID         NOT NULL REFERENCES generations(id) ON DELETE CASCADE,
    reviewer           VARCHAR(100) NOT NULL REFERENCES users(username),
    quality            SMALLINT     CHECK (quality BETWEEN 1 AND 5),
    alignment          SMALLINT     CHECK (alignment BETWEEN 1 AND 5),
    brand_voice        SMALLINT     CHECK (brand_voice BETWEEN 1 AND 5),
    thumbs_up          BOOLEAN,
    rationale          TEXT,
    corrected_output   TEXT,
    created_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version            BIGINT       NOT NULL DEFAULT 0,
    UNIQUE (generation_id, reviewer)
);

-- Pairwise review: two candidates for one request; the DPO training pairs come from here.
CREATE TABLE preference_pairs (
    id                 BIGSERIAL    PRIMARY KEY,
    organization_id    VARCHAR(63)  NOT NULL REFERENCES organizations(id),
    reviewer           VARCHAR(100) NOT NULL REFERENCES users(username),
    generation_a_id    UUID         NOT NULL REFERENCES generations(id) ON DELETE CASCADE,
    generation_b_id    UUID         NOT NULL REFERENCES generations(id) ON DELETE CASCADE,
    preferred          VARCHAR(4)   NOT NULL CHECK (preferred IN ('A', 'B', 'TIE')),
    rationale          TEXT,
    created_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (generation_a_id, generation_b_id, reviewer)
);
