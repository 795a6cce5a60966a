-- Issue 13: terms as the Algemene termijnenwet and the texts mean them.

-- Days a Besluit gelijkstelling equates with the feestdagen (Atw art. 3 lid 3). Platform data, not a tenant's: the
-- law is the same for every organisation. Seeded at start-up from atw/gelijkgestelde-dagen.csv (missing days only);
-- the platform administrator adds the days of the next Besluit.
CREATE TABLE equated_day (
    equated_on DATE         NOT NULL PRIMARY KEY,
    source     VARCHAR(200) NOT NULL,
    added_by   VARCHAR(255) NULL,
    created_at TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- The rung a complaint was registered at (a complaint made directly to the klachtenfunctionaris starts there);
-- null for the lowest rung. Whether the rules count it as a formal complaint (Klimkoord: an informal one taken to
-- Klachtenportaal Zorg). The employee concerned as a key that ignores case, spaces, initials and diacritics, so
-- "J. de Vries" and "Jan de Vries" are one person for "herhaaldelijk over dezelfde persoon".
ALTER TABLE complaint ADD COLUMN intake_level VARCHAR(32) NULL;
ALTER TABLE complaint ADD COLUMN counts_as_formal BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE complaint ADD COLUMN employee_key VARCHAR(255) NULL;
CREATE INDEX ix_complaint_tenant_employee_key ON complaint (tenant_id, employee_key);

-- When an event was recorded, on the product's clock (created_at is the database server's). An extension recorded
-- after its term ran out, on the evidence of a notice sent in time, waits for a second person (four eyes).
ALTER TABLE complaint_event ADD COLUMN recorded_at TIMESTAMP NULL;
ALTER TABLE complaint_event ADD COLUMN needs_confirmation BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE complaint_event ADD COLUMN confirmed_by BIGINT NULL;
ALTER TABLE complaint_event ADD COLUMN confirmed_at TIMESTAMP NULL;
UPDATE complaint_event SET recorded_at = created_at;
CREATE INDEX ix_event_tenant_confirmation ON complaint_event (tenant_id, needs_confirmation);

-- A duty set aside by a person (met_on is then the day it was set aside, note the reason); the law a statutory term
-- follows; the complainant's words for a promise; the day a suspended term stands still since.
ALTER TABLE obligation ADD COLUMN set_aside BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE obligation ADD COLUMN note VARCHAR(1000) NULL;
ALTER TABLE obligation ADD COLUMN statute VARCHAR(100) NOT NULL DEFAULT '';
ALTER TABLE obligation ADD COLUMN label VARCHAR(200) NOT NULL DEFAULT '';
ALTER TABLE obligation ADD COLUMN suspended_since DATE NULL;

-- A missed-term notice that a later, justified extension made moot stays on record, marked as superseded.
ALTER TABLE outbox_message ADD COLUMN superseded_note VARCHAR(500) NULL;


-- Formal complaints registered before V9 count as formal, as every formal one registered after it does.
UPDATE complaint SET counts_as_formal = TRUE WHERE kind = 'FORMAL';
