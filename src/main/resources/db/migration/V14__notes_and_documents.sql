-- Issue 16 section 3: internal notes and documents (attachments) of a case. Every row carries tenant_id and every
-- query filters on tenant and case.

-- Notitie: a handler's internal note. Never shown to the complainant (status page, letters, e-mails); in the full
-- register only. explains_lateness marks the note that explains a missed term in the reports (the latest wins).
CREATE TABLE complaint_note (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    tenant_id         BIGINT      NOT NULL,
    complaint_id      BIGINT      NOT NULL,
    note_text         LONGTEXT    NOT NULL,
    explains_lateness BOOLEAN     NOT NULL DEFAULT FALSE,
    author_id         BIGINT      NULL,
    created_at        TIMESTAMP   NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT fk_note_complaint FOREIGN KEY (complaint_id) REFERENCES complaint (id),
    CONSTRAINT fk_note_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT fk_note_author FOREIGN KEY (author_id) REFERENCES app_user (id)
);
CREATE INDEX ix_note_tenant_complaint ON complaint_note (tenant_id, complaint_id);

-- Document: the metadata of an uploaded file. storage says where the bytes are: 'database' (the table below, in the
-- same transaction as this row) or 's3' (an object named storage_key: the tenant id and a random UUID, never the
-- file's name).
CREATE TABLE complaint_attachment (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    tenant_id    BIGINT        NOT NULL,
    complaint_id BIGINT        NOT NULL,
    file_name    VARCHAR(255)  NOT NULL,
    content_type VARCHAR(100)  NOT NULL,
    size_bytes   BIGINT        NOT NULL,
    sha256       CHAR(64)      NOT NULL,
    kind         VARCHAR(32)   NOT NULL,
    description  VARCHAR(1000) NULL,
    storage      VARCHAR(16)   NOT NULL,
    storage_key  VARCHAR(200)  NULL,
    uploaded_by  BIGINT        NULL,
    uploaded_at  TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT fk_attachment_complaint FOREIGN KEY (complaint_id) REFERENCES complaint (id),
    CONSTRAINT fk_attachment_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT fk_attachment_user FOREIGN KEY (uploaded_by) REFERENCES app_user (id)
);
CREATE INDEX ix_attachment_tenant_complaint ON complaint_attachment (tenant_id, complaint_id);

-- The bytes of a document stored in the database (klachtenregie.documents.store: database, the default).
CREATE TABLE complaint_attachment_content (
    attachment_id BIGINT   NOT NULL PRIMARY KEY,
    tenant_id     BIGINT   NOT NULL,
    content       LONGBLOB NOT NULL,
    CONSTRAINT fk_attachment_content FOREIGN KEY (attachment_id) REFERENCES complaint_attachment (id),
    CONSTRAINT fk_attachment_content_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);
