-- Issue 14: a version read in from a tenant archive keeps the archive's createdBy/activatedBy/activatedAt, but those
-- are what the archive says, not what happened here. Who imported it and when is recorded beside them, so the pages
-- show the archive's history as "volgens het archief".
ALTER TABLE regulation_version ADD COLUMN imported_by VARCHAR(255) NULL;
ALTER TABLE regulation_version ADD COLUMN imported_at TIMESTAMP NULL;
