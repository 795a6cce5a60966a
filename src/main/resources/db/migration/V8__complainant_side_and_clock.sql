-- Issue 6: the public complaint form, the complainant's status link, the outbox of e-mails and the scheduler.

-- Where a user's reminders go (handlers) and escalation notices can reach them.
ALTER TABLE app_user ADD COLUMN email VARCHAR(254) NULL;

-- The day the scheduler last re-evaluated an open case: claiming a case for today is one conditional UPDATE, so two
-- instances never re-evaluate the same case on the same day.
ALTER TABLE complaint ADD COLUMN evaluated_on DATE NULL;
CREATE INDEX ix_complaint_tenant_evaluated ON complaint (tenant_id, status, evaluated_on);

-- The first day the scheduler saw a term run out (the case list and the notice of a missed term read it).
ALTER TABLE obligation ADD COLUMN overdue_since DATE NULL;

-- The complainant's private status link: only a hash of the token is kept, so the table alone opens nothing.
CREATE TABLE status_link (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    tenant_id    BIGINT      NOT NULL,
    complaint_id BIGINT      NOT NULL,
    token_hash   CHAR(64)    NOT NULL,
    expires_on   DATE        NOT NULL,
    created_at   TIMESTAMP   NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT uq_status_link_token UNIQUE (token_hash),
    CONSTRAINT fk_status_link_complaint FOREIGN KEY (complaint_id) REFERENCES complaint (id),
    CONSTRAINT fk_status_link_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);
CREATE INDEX ix_status_link_complaint ON status_link (tenant_id, complaint_id);

-- Submissions of the public form per (keyed hash of the) sender's address, for the rate limit; in the database so
-- that the limit holds across instances. Old rows are deleted as new ones come in.
CREATE TABLE public_submission_attempt (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    tenant_id    BIGINT   NOT NULL,
    address_hash CHAR(64) NOT NULL,
    -- epoch milliseconds of the wall clock (not the pinnable case-date clock)
    at_millis    BIGINT   NOT NULL,
    CONSTRAINT fk_submission_attempt_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);
CREATE INDEX ix_submission_attempt_address ON public_submission_attempt (address_hash, at_millis);
CREATE INDEX ix_submission_attempt_at ON public_submission_attempt (at_millis);

-- Secrets every instance must share (the key that signs public form tokens and hashes addresses), made once.
CREATE TABLE platform_secret (
    secret_name  VARCHAR(64)  NOT NULL PRIMARY KEY,
    secret_value VARCHAR(200) NOT NULL
);

-- Uitgaande berichten: every e-mail the product sends, kept with its delivery state. The unique dedup key makes
-- queueing idempotent: a reminder, a notice of a missed term or an acknowledgement is queued once however many
-- instances or runs try. Sending claims rows with a lease (lease_token, lease_until) in one conditional UPDATE.
CREATE TABLE outbox_message (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    tenant_id       BIGINT        NOT NULL,
    complaint_id    BIGINT        NULL,
    kind            VARCHAR(32)   NOT NULL,
    dedup_key       VARCHAR(200)  NOT NULL,
    recipient       VARCHAR(254)  NULL,
    subject         VARCHAR(300)  NOT NULL,
    body            LONGTEXT      NOT NULL,
    state           VARCHAR(16)   NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    -- epoch milliseconds of the wall clock
    next_attempt_at BIGINT        NOT NULL,
    lease_token     VARCHAR(64)   NULL,
    lease_until     BIGINT        NULL,
    last_error      VARCHAR(1000) NULL,
    -- the case date (domain clock) on which it was queued, and the wall-clock moment it was sent
    queued_on       DATE          NOT NULL,
    sent_at         BIGINT        NULL,
    note            VARCHAR(1000) NULL,
    created_at      TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT uq_outbox_dedup UNIQUE (tenant_id, dedup_key),
    CONSTRAINT fk_outbox_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT fk_outbox_complaint FOREIGN KEY (complaint_id) REFERENCES complaint (id)
);
CREATE INDEX ix_outbox_due ON outbox_message (state, next_attempt_at);
CREATE INDEX ix_outbox_tenant ON outbox_message (tenant_id, id);
CREATE INDEX ix_outbox_complaint ON outbox_message (tenant_id, complaint_id);
