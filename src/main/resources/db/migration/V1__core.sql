-- Every row that belongs to a tenant carries tenant_id, and every query filters on it.
CREATE TABLE tenant (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    slug         VARCHAR(64)  NOT NULL,
    name         VARCHAR(255) NOT NULL,
    profile_json LONGTEXT     NOT NULL,
    created_at   TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT uq_tenant_slug UNIQUE (slug)
);

CREATE TABLE regulation_version (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    tenant_id      BIGINT       NOT NULL,
    version        VARCHAR(64)  NOT NULL,
    effective_from DATE         NOT NULL,
    title          VARCHAR(500) NOT NULL,
    source         VARCHAR(255) NOT NULL,
    rules_json     LONGTEXT     NOT NULL,
    rule_set_hash  CHAR(64)     NOT NULL,
    coverage_yaml  LONGTEXT     NULL,
    created_at     TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT uq_regulation_version UNIQUE (tenant_id, version),
    CONSTRAINT fk_regulation_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

CREATE TABLE reference_counter (
    tenant_id BIGINT NOT NULL,
    yr        INT    NOT NULL,
    next_no   INT    NOT NULL,
    PRIMARY KEY (tenant_id, yr),
    CONSTRAINT fk_counter_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

CREATE TABLE complaint (
    id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
    tenant_id             BIGINT        NOT NULL,
    reference             VARCHAR(32)   NOT NULL,
    kind                  VARCHAR(16)   NOT NULL,
    channel               VARCHAR(16)   NOT NULL,
    received_on           DATE          NOT NULL,
    incident_on           DATE          NULL,
    complainant_name      VARCHAR(255)  NULL,
    complainant_role      VARCHAR(16)   NOT NULL,
    complainant_email     VARCHAR(255)  NULL,
    complainant_phone     VARCHAR(64)   NULL,
    complainant_address   VARCHAR(500)  NULL,
    summary               TEXT          NOT NULL,
    category              VARCHAR(64)   NOT NULL,
    service_line          VARCHAR(64)   NULL,
    concerns_employee     VARCHAR(255)  NULL,
    unwanted_behaviour    BOOLEAN       NOT NULL,
    confidential          BOOLEAN       NOT NULL,
    regulation_version    VARCHAR(64)   NOT NULL,
    status                VARCHAR(32)   NOT NULL,
    escalation_level      VARCHAR(32)   NOT NULL,
    registration_required BOOLEAN       NOT NULL,
    admissible            BOOLEAN       NOT NULL,
    outcome_json          LONGTEXT      NOT NULL,
    row_version           INT           NOT NULL DEFAULT 0,
    created_at            TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT uq_complaint_reference UNIQUE (tenant_id, reference),
    CONSTRAINT fk_complaint_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);
CREATE INDEX ix_complaint_tenant_status ON complaint (tenant_id, status);
CREATE INDEX ix_complaint_tenant_received ON complaint (tenant_id, received_on);
CREATE INDEX ix_complaint_tenant_employee ON complaint (tenant_id, concerns_employee);

CREATE TABLE complaint_event (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    tenant_id    BIGINT      NOT NULL,
    complaint_id BIGINT      NOT NULL,
    seq          INT         NOT NULL,
    type         VARCHAR(32) NOT NULL,
    occurred_on  DATE        NOT NULL,
    payload_json LONGTEXT    NOT NULL,
    created_at   TIMESTAMP   NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT uq_event_seq UNIQUE (complaint_id, seq),
    CONSTRAINT fk_event_complaint FOREIGN KEY (complaint_id) REFERENCES complaint (id),
    CONSTRAINT fk_event_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);
CREATE INDEX ix_event_tenant_complaint ON complaint_event (tenant_id, complaint_id);

-- The obligations of the latest evaluation, so lists and dashboards can query them.
-- OPEN vs OVERDUE depends on the day asked, so it is derived from due_on at read time.
CREATE TABLE obligation (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    tenant_id    BIGINT        NOT NULL,
    complaint_id BIGINT        NOT NULL,
    code         VARCHAR(64)   NOT NULL,
    from_on      DATE          NOT NULL,
    due_on       DATE          NULL,
    met_on       DATE          NULL,
    waived       BOOLEAN       NOT NULL,
    basis        VARCHAR(1000) NOT NULL,
    explanation  VARCHAR(1000) NOT NULL,
    CONSTRAINT fk_obligation_complaint FOREIGN KEY (complaint_id) REFERENCES complaint (id),
    CONSTRAINT fk_obligation_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);
CREATE INDEX ix_obligation_tenant_due ON obligation (tenant_id, met_on, waived, due_on);
CREATE INDEX ix_obligation_complaint ON obligation (complaint_id);
