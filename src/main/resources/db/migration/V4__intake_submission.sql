-- The intake form's one-time id: the same form posted twice (a double click, a reload after a slow answer)
-- registers one complaint, not two.
ALTER TABLE complaint ADD COLUMN submission_id VARCHAR(64) NULL;
CREATE UNIQUE INDEX uq_complaint_submission ON complaint (tenant_id, submission_id);
