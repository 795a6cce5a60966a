-- Issue 16, corrections with history: what intake recorded can be corrected, and every correction stays on record.
-- One correction (one save of the edit page, one PATCH) is one row of complaint_correction with who, when and why;
-- each thing it changed is a row of complaint_correction_change: a field with its old and new value (as text: ISO
-- dates, codes), a term whose due date moved (kind TERM, field_name = the duty's code, old/new = due dates), or the
-- regulation version the case moved to (kind VERSION). Nothing here is ever updated or deleted.
CREATE TABLE complaint_correction (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    tenant_id    BIGINT        NOT NULL,
    complaint_id BIGINT        NOT NULL,
    corrected_by BIGINT        NULL,
    corrected_at TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    reason       VARCHAR(2000) NULL,
    CONSTRAINT fk_correction_complaint FOREIGN KEY (complaint_id) REFERENCES complaint (id),
    CONSTRAINT fk_correction_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);
CREATE INDEX ix_correction_tenant_complaint ON complaint_correction (tenant_id, complaint_id);

CREATE TABLE complaint_correction_change (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    tenant_id     BIGINT       NOT NULL,
    correction_id BIGINT       NOT NULL,
    seq           INT          NOT NULL,
    kind          VARCHAR(16)  NOT NULL,
    field_name    VARCHAR(64)  NOT NULL,
    label         VARCHAR(255) NULL,
    old_value     TEXT         NULL,
    new_value     TEXT         NULL,
    CONSTRAINT fk_correction_change FOREIGN KEY (correction_id) REFERENCES complaint_correction (id),
    CONSTRAINT fk_correction_change_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);
CREATE INDEX ix_correction_change ON complaint_correction_change (tenant_id, correction_id);
