-- Raised whenever a user's password is reset: a session started before the reset no longer counts (the
-- authentication carries the version it was made with).
ALTER TABLE app_user ADD COLUMN credentials_version INT NOT NULL DEFAULT 0;
