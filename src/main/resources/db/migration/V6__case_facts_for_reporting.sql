-- Issue 5: dashboards and reports count cases by what happened on their timelines. Those facts live in the events'
-- JSON, which neither H2 nor a 100,000-case GROUP BY can read quickly, so each case keeps them as columns, written
-- in the same statement that appends the event (ComplaintStore.appendEvent).
--   concluded_on/conclusion: the last conclusion (DECIDED, DECLARED_NOT_ADMISSIBLE, RESOLVED_INFORMALLY)
--   judgement: the judgement of the last decision that gave one; satisfaction: the last score recorded (1-5)
--   extended: a term was extended; referred_external: the case went to an external body; closed_on: last CLOSED
ALTER TABLE complaint ADD COLUMN concluded_on DATE NULL;
ALTER TABLE complaint ADD COLUMN conclusion VARCHAR(32) NULL;
ALTER TABLE complaint ADD COLUMN judgement VARCHAR(32) NULL;
ALTER TABLE complaint ADD COLUMN satisfaction INT NULL;
ALTER TABLE complaint ADD COLUMN extended BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE complaint ADD COLUMN referred_external BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE complaint ADD COLUMN closed_on DATE NULL;

-- Cases recorded before this migration: the same facts from their events. Payloads are compact JSON with every
-- field present (serde inclusion: always), and satisfaction is 1..5, so a LIKE on the literal is exact.
UPDATE complaint SET
    concluded_on = (SELECT e.occurred_on FROM complaint_event e WHERE e.complaint_id = complaint.id
        AND e.type IN ('DECIDED', 'DECLARED_NOT_ADMISSIBLE', 'RESOLVED_INFORMALLY') ORDER BY e.seq DESC LIMIT 1),
    conclusion = (SELECT e.type FROM complaint_event e WHERE e.complaint_id = complaint.id
        AND e.type IN ('DECIDED', 'DECLARED_NOT_ADMISSIBLE', 'RESOLVED_INFORMALLY') ORDER BY e.seq DESC LIMIT 1),
    judgement = (SELECT CASE
            WHEN e.payload_json LIKE '%"judgement":"WELL_FOUNDED"%' THEN 'WELL_FOUNDED'
            WHEN e.payload_json LIKE '%"judgement":"PARTLY_WELL_FOUNDED"%' THEN 'PARTLY_WELL_FOUNDED'
            ELSE 'UNFOUNDED' END
        FROM complaint_event e WHERE e.complaint_id = complaint.id AND e.type = 'DECIDED'
        AND e.payload_json LIKE '%"judgement":"%' ORDER BY e.seq DESC LIMIT 1),
    satisfaction = (SELECT CASE
            WHEN e.payload_json LIKE '%"satisfaction":1%' THEN 1
            WHEN e.payload_json LIKE '%"satisfaction":2%' THEN 2
            WHEN e.payload_json LIKE '%"satisfaction":3%' THEN 3
            WHEN e.payload_json LIKE '%"satisfaction":4%' THEN 4
            ELSE 5 END
        FROM complaint_event e WHERE e.complaint_id = complaint.id
        AND e.payload_json LIKE '%"satisfaction":_%' AND e.payload_json NOT LIKE '%"satisfaction":null%'
        ORDER BY e.seq DESC LIMIT 1),
    extended = EXISTS (SELECT 1 FROM complaint_event e WHERE e.complaint_id = complaint.id
        AND e.type = 'EXTENSION_ANNOUNCED'),
    referred_external = EXISTS (SELECT 1 FROM complaint_event e WHERE e.complaint_id = complaint.id
        AND e.type = 'REFERRED_EXTERNAL'),
    closed_on = (SELECT MAX(e.occurred_on) FROM complaint_event e WHERE e.complaint_id = complaint.id
        AND e.type = 'CLOSED');

-- The due date a term would have had without an extension: the dashboard shows apart what was on time only
-- thanks to the extension. Obligations stored before this migration take their due date as it stood.
ALTER TABLE obligation ADD COLUMN base_due_on DATE NULL;
UPDATE obligation SET base_due_on = due_on;

-- The dashboard of a tenant with 100,000 cases must answer in well under a second. Its figures are GROUP BYs over
-- the cases (and their obligations) received in a period and the periods before it; these indexes hold every
-- column those queries read, so the database scans one index range and never the rows themselves.
-- An obligation carries its case's day of receipt, so the "met on time" counts need no join.
ALTER TABLE obligation ADD COLUMN received_on DATE NULL;
UPDATE obligation SET received_on = (SELECT c.received_on FROM complaint c WHERE c.id = obligation.complaint_id);
CREATE INDEX ix_obligation_tenant_received ON obligation (tenant_id, received_on, code, due_on, met_on, base_due_on,
    waived);
CREATE INDEX ix_complaint_tenant_received_facts ON complaint (tenant_id, received_on, kind, channel, category,
    service_line, escalation_level, status, satisfaction, concluded_on, concerns_employee);

-- A change stamp per tenant and month of receipt, moved in the same transaction as every change to a case received
-- in that month: the dashboard keeps the figures of a month until its stamp moves, so months long past (which
-- rarely change) are counted once, not on every view, and every instance sees a change at once.
CREATE TABLE complaint_month_stamp (
    tenant_id   BIGINT NOT NULL,
    month_start DATE   NOT NULL,
    stamp       BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, month_start),
    CONSTRAINT fk_month_stamp_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);
