-- Issue 4: a regulation version is a draft until activated; active versions are never edited again.
-- Versions that existed before this migration were all in force, hence the default.
ALTER TABLE regulation_version ADD COLUMN status VARCHAR(16) NOT NULL DEFAULT 'ACTIVE';
-- The parameters a version was written with when it came from the form (JSON); NULL for hand-written DRL.
ALTER TABLE regulation_version ADD COLUMN parameters_json LONGTEXT NULL;
ALTER TABLE regulation_version ADD COLUMN created_by VARCHAR(255) NULL;
ALTER TABLE regulation_version ADD COLUMN activated_by VARCHAR(255) NULL;
ALTER TABLE regulation_version ADD COLUMN activated_at TIMESTAMP NULL;
-- A tenant can run more than one regulation (e.g. a separate procedure for one service line): the code of the
-- regulation a version belongs to, '' for the tenant's main regulation. Version names stay unique per tenant.
ALTER TABLE regulation_version ADD COLUMN regulation VARCHAR(64) NOT NULL DEFAULT '';
-- Drafts are edited in place; the row version stops two editors from overwriting each other.
ALTER TABLE regulation_version ADD COLUMN row_version INT NOT NULL DEFAULT 0;

-- Profiles are now edited while the app runs, possibly on another instance: each instance keeps its cached profile
-- only while this number is unchanged.
ALTER TABLE tenant ADD COLUMN row_version INT NOT NULL DEFAULT 0;

-- Logboek: who changed what in a tenant's configuration, and when. Rows are only ever added.
CREATE TABLE audit_log (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    tenant_id   BIGINT        NOT NULL,
    at          TIMESTAMP     NOT NULL,
    actor       VARCHAR(255)  NOT NULL,
    action      VARCHAR(64)   NOT NULL,
    subject     VARCHAR(255)  NOT NULL,
    detail      LONGTEXT      NOT NULL,
    CONSTRAINT fk_audit_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);
CREATE INDEX ix_audit_tenant_at ON audit_log (tenant_id, at);
