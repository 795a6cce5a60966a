-- Issue 16 section 4: need-to-know access.
-- Personeelsoverzicht: the people a complaint can concern, optionally linked to a user account of the same tenant,
-- so that "dezelfde persoon" is a directory entry, not a typed name, and the person complained about can be kept
-- out of the case.
CREATE TABLE staff_member (
    id           BIGINT       AUTO_INCREMENT PRIMARY KEY,
    tenant_id    BIGINT       NOT NULL,
    full_name    VARCHAR(255) NOT NULL,
    team         VARCHAR(255) NULL,
    user_id      BIGINT       NULL,
    active       BOOLEAN      NOT NULL,
    CONSTRAINT fk_staff_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT fk_staff_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);
CREATE INDEX ix_staff_tenant_name ON staff_member (tenant_id, full_name);
CREATE INDEX ix_staff_tenant_user ON staff_member (tenant_id, user_id);

-- "Betreft medewerker" picked from the directory; null for free text (someone not in it) or nobody.
ALTER TABLE complaint ADD COLUMN concerns_staff_id BIGINT NULL;
CREATE INDEX ix_complaint_tenant_staff ON complaint (tenant_id, concerns_staff_id);

-- Toegang: users added by name to a confidential case.
CREATE TABLE case_access_grant (
    tenant_id    BIGINT    NOT NULL,
    complaint_id BIGINT    NOT NULL,
    user_id      BIGINT    NOT NULL,
    granted_by   BIGINT    NULL,
    granted_at   TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id, complaint_id, user_id),
    CONSTRAINT fk_grant_complaint FOREIGN KEY (complaint_id) REFERENCES complaint (id),
    CONSTRAINT fk_grant_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);

-- Inzagelog (NEN 7513): who read which case, when and how. Kept 5 years. No foreign keys: one cheap insert per read,
-- and the log outlives an anonymised case.
CREATE TABLE case_read (
    id           BIGINT       AUTO_INCREMENT PRIMARY KEY,
    tenant_id    BIGINT       NOT NULL,
    user_id      BIGINT       NULL,
    complaint_id BIGINT       NOT NULL,
    read_at      TIMESTAMP(3) NOT NULL,
    what         VARCHAR(16)  NOT NULL
);
CREATE INDEX ix_case_read_case ON case_read (tenant_id, complaint_id, read_at);
CREATE INDEX ix_case_read_user ON case_read (tenant_id, user_id, read_at);
CREATE INDEX ix_case_read_at ON case_read (read_at);
