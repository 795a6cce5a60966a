-- Users. A tenant user's row carries tenant_id; a platform administrator (the SaaS operator) has none and
-- therefore sees no tenant's data: every tenant query still filters on a tenant the user belongs to.
CREATE TABLE app_user (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    tenant_id     BIGINT        NULL,
    username      VARCHAR(100)  NOT NULL,
    display_name  VARCHAR(255)  NOT NULL,
    password_hash VARCHAR(100)  NOT NULL,
    roles         VARCHAR(200)  NOT NULL,
    active        BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT uq_user_username UNIQUE (username),
    CONSTRAINT fk_user_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);
CREATE INDEX ix_user_tenant ON app_user (tenant_id);

-- Failed logins per user name, also for names that do not exist, so the lock-out does not reveal which do.
CREATE TABLE login_throttle (
    username      VARCHAR(100) NOT NULL PRIMARY KEY,
    failures      INT          NOT NULL,
    -- epoch milliseconds: wall-clock time, independent of the (pinnable) case-date clock and of time zones
    last_failure  BIGINT       NOT NULL,
    locked_until  BIGINT       NULL
);

-- Case work in the web UI: the handler, the complainant's place of residence, and an oral complaint that the
-- complainant wants handled as an official (written) one.
ALTER TABLE complaint ADD COLUMN handler_user_id BIGINT NULL;
ALTER TABLE complaint ADD COLUMN complainant_place VARCHAR(255) NULL;
ALTER TABLE complaint ADD COLUMN official_requested BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE complaint ADD CONSTRAINT fk_complaint_handler FOREIGN KEY (handler_user_id) REFERENCES app_user (id);
CREATE INDEX ix_complaint_tenant_handler ON complaint (tenant_id, handler_user_id);

-- Who recorded an event (null for events recorded through the API before users existed).
ALTER TABLE complaint_event ADD COLUMN recorded_by BIGINT NULL;

-- Letters: per-tenant templates (imported from tenants/<slug>/letters/, then edited in the database) and the
-- letters generated from them, kept exactly as sent.
CREATE TABLE letter_template (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    tenant_id  BIGINT       NOT NULL,
    kind       VARCHAR(32)  NOT NULL,
    subject    VARCHAR(500) NOT NULL,
    body       LONGTEXT     NOT NULL,
    updated_at TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT uq_letter_template UNIQUE (tenant_id, kind),
    CONSTRAINT fk_letter_template_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

CREATE TABLE letter (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    tenant_id    BIGINT       NOT NULL,
    complaint_id BIGINT       NOT NULL,
    kind         VARCHAR(32)  NOT NULL,
    subject      VARCHAR(500) NOT NULL,
    html         LONGTEXT     NOT NULL,
    pdf          LONGBLOB     NOT NULL,
    issued_on    DATE         NOT NULL,
    issued_by    BIGINT       NULL,
    created_at   TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT fk_letter_complaint FOREIGN KEY (complaint_id) REFERENCES complaint (id),
    CONSTRAINT fk_letter_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);
CREATE INDEX ix_letter_tenant_complaint ON letter (tenant_id, complaint_id);
