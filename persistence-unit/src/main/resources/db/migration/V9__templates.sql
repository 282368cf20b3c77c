-- Templates: ready-made VMs that authors publish and tenants deploy. Nodes report the host tools
-- their VMs can run; a VM deployed from a template needs the template's tools on its node.
-- Portable between H2 (MODE=PostgreSQL) and PostgreSQL.

-- Newline-separated program names, sorted, as the node's agent found them.
ALTER TABLE node ADD COLUMN host_tools VARCHAR(4000) DEFAULT '' NOT NULL;

-- Newline-separated host tools the VM's node must have.
ALTER TABLE vm ADD COLUMN required_tools VARCHAR(2000) DEFAULT '' NOT NULL;
-- Newline-separated names of env variables whose values are secrets (never shown by the API).
ALTER TABLE vm ADD COLUMN secret_env VARCHAR(2000) DEFAULT '' NOT NULL;
ALTER TABLE vm ADD COLUMN template_slug VARCHAR(64);

CREATE TABLE template (
    id                VARCHAR(36)              NOT NULL PRIMARY KEY,
    slug              VARCHAR(64)              NOT NULL UNIQUE,
    name              VARCHAR(100)             NOT NULL,
    category          VARCHAR(32)              NOT NULL,
    description       VARCHAR(4000)            NOT NULL,
    runtime           VARCHAR(32)              NOT NULL,
    command           VARCHAR(4000)            NOT NULL,
    vcpus             INTEGER                  NOT NULL,
    memory_mib        BIGINT                   NOT NULL,
    disk_gib          BIGINT                   NOT NULL,
    tier              VARCHAR(16)              NOT NULL,
    outbound_network  BOOLEAN                  NOT NULL,
    -- Newline-separated host tools, sorted.
    required_tools    VARCHAR(2000)            NOT NULL,
    visibility        VARCHAR(16)              NOT NULL,
    -- Null for Hearth's seed templates.
    author_account_id VARCHAR(36) REFERENCES account (id) ON DELETE CASCADE,
    -- Only ever incremented, by one statement per deployment.
    deployments       BIGINT      DEFAULT 0    NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    -- The template's version: 1 when created, +1 at each change.
    version           BIGINT                   NOT NULL
);
CREATE INDEX template_visibility_category_idx ON template (visibility, category);
CREATE INDEX template_author_idx ON template (author_account_id);

CREATE TABLE template_parameter (
    template_id   VARCHAR(36)   NOT NULL REFERENCES template (id) ON DELETE CASCADE,
    position      INTEGER       NOT NULL,
    name          VARCHAR(64)   NOT NULL,
    description   VARCHAR(500)  NOT NULL,
    default_value VARCHAR(4096),
    required      BOOLEAN       NOT NULL,
    secret        BOOLEAN       NOT NULL,
    PRIMARY KEY (template_id, position)
);

-- One row per VM created from a template: who may rate it.
CREATE TABLE template_deployment (
    vm_id       VARCHAR(36)              NOT NULL PRIMARY KEY REFERENCES vm (id) ON DELETE CASCADE,
    template_id VARCHAR(36)              NOT NULL REFERENCES template (id) ON DELETE CASCADE,
    account_id  VARCHAR(36)              NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    deployed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX template_deployment_tenant_idx ON template_deployment (template_id, account_id);

-- One rating per tenant and template; the tenant may change it.
CREATE TABLE template_rating (
    template_id VARCHAR(36)              NOT NULL REFERENCES template (id) ON DELETE CASCADE,
    account_id  VARCHAR(36)              NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    stars       INTEGER                  NOT NULL CHECK (stars BETWEEN 1 AND 5),
    rated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (template_id, account_id)
);
