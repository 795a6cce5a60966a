-- Issue 16 section 6: retention and the complainant's rights (AVG art. 5 lid 1 onder e, 15 and 17).
-- anonymised_on: the day the case's personal data and free texts were removed (after the tenant's retention period or
-- on an erasure request); the anonymising UPDATE is conditional on it being NULL, so of several instances exactly one
-- anonymises a case, and a second request is a no-op.
-- legal_hold_*: a MANAGER or COMPLIANCE user keeps the case from being anonymised (a claim, a dispute, an inquiry
-- by the Inspectie), with the reason, who and when.
ALTER TABLE complaint ADD COLUMN anonymised_on DATE NULL;
ALTER TABLE complaint ADD COLUMN legal_hold_reason VARCHAR(1000) NULL;
ALTER TABLE complaint ADD COLUMN legal_hold_by VARCHAR(255) NULL;
ALTER TABLE complaint ADD COLUMN legal_hold_on DATE NULL;
-- The retention run looks for closed cases per tenant by the day they were closed.
CREATE INDEX ix_complaint_tenant_closed ON complaint (tenant_id, status, closed_on, anonymised_on);
