-- Issue 16 (5): past complaints read in from a spreadsheet (an organisation switching from Excel). One row per
-- committed upload; each case it made points to it and keeps the organisation's own number as external_reference,
-- on which a second upload of the same file finds the rows it already read in (unique per tenant).
CREATE TABLE complaint_import (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    tenant_id   BIGINT       NOT NULL,
    file_name   VARCHAR(255) NOT NULL,
    file_sha256 CHAR(64)     NOT NULL,
    row_count   INT          NOT NULL,
    imported_by VARCHAR(255) NOT NULL,
    imported_at TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT fk_complaint_import_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);
CREATE INDEX ix_complaint_import_tenant ON complaint_import (tenant_id, imported_at);

ALTER TABLE complaint ADD COLUMN external_reference VARCHAR(64) NULL;
ALTER TABLE complaint ADD COLUMN import_id BIGINT NULL;
ALTER TABLE complaint ADD CONSTRAINT fk_complaint_import FOREIGN KEY (import_id) REFERENCES complaint_import (id);
CREATE UNIQUE INDEX uq_complaint_external_reference ON complaint (tenant_id, external_reference);
