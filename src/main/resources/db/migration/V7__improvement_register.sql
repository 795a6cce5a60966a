-- Issue 5: verbeterregister (procedure 6.5 steps 3, 5, 6 and 7). A measure is corrective or preventive, for the
-- whole organisation or at client level (noted in the client's file), answers one or more complaints, a KPI breach
-- or a trend, and is reviewed once a year for effectiveness at the directiebeoordeling. Only the latest review is
-- kept on the row; every earlier one stays readable in the audit log.
CREATE TABLE improvement_measure (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    tenant_id          BIGINT        NOT NULL,
    measure_number     VARCHAR(32)   NOT NULL,
    title              VARCHAR(200)  NOT NULL,
    description        TEXT          NULL,
    kind               VARCHAR(16)   NOT NULL,
    measure_level      VARCHAR(16)   NOT NULL,
    origin_type        VARCHAR(16)   NOT NULL,
    -- what the measure answers, e.g. KPI:CODE:2026 or TREND:RISING_CATEGORY:ZORG:2026-H2 (null for complaints/other)
    origin_key         VARCHAR(300)  NULL,
    origin_description VARCHAR(1000) NULL,
    owner              VARCHAR(200)  NULL,
    due_on             DATE          NULL,
    status             VARCHAR(16)   NOT NULL,
    completed_on       DATE          NULL,
    created_on         DATE          NOT NULL,
    created_by         VARCHAR(255)  NOT NULL,
    reviewed_on        DATE          NULL,
    review_year        INT           NULL,
    review_effective   VARCHAR(16)   NULL,
    review_notes       TEXT          NULL,
    reviewed_by        VARCHAR(255)  NULL,
    row_version        INT           NOT NULL DEFAULT 0,
    CONSTRAINT uq_improvement_number UNIQUE (tenant_id, measure_number),
    CONSTRAINT fk_improvement_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);
CREATE INDEX ix_improvement_tenant_created ON improvement_measure (tenant_id, created_on);
CREATE INDEX ix_improvement_tenant_origin ON improvement_measure (tenant_id, origin_key);

-- The complaints a measure answers. tenant_id on the link too, so that every query filters on it.
CREATE TABLE improvement_measure_complaint (
    tenant_id    BIGINT NOT NULL,
    measure_id   BIGINT NOT NULL,
    complaint_id BIGINT NOT NULL,
    PRIMARY KEY (measure_id, complaint_id),
    CONSTRAINT fk_improvement_link_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT fk_improvement_link_measure FOREIGN KEY (measure_id) REFERENCES improvement_measure (id),
    CONSTRAINT fk_improvement_link_complaint FOREIGN KEY (complaint_id) REFERENCES complaint (id)
);
CREATE INDEX ix_improvement_link_tenant_complaint ON improvement_measure_complaint (tenant_id, complaint_id);

-- VM-<year>-<no> per tenant and year; the same upsert-then-lock counter as reference_counter, so two measures of
-- one tenant made at once never get one number.
CREATE TABLE improvement_counter (
    tenant_id BIGINT NOT NULL,
    yr        INT    NOT NULL,
    next_no   INT    NOT NULL,
    PRIMARY KEY (tenant_id, yr),
    CONSTRAINT fk_improvement_counter_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);
