// Schema version 1: sandbox metadata (signing secret), tokens and revocations, drivers,
// installations and idempotency keys. Timestamps are TEXT in the API's own format
// (`2024-01-15T10:45:00.000000Z`), which sorts correctly as text.
import type { Migration } from '../migrate';

export const migration001Core: Migration = {
  version: 1,
  name: 'core: meta, tokens, drivers, installations, idempotency keys',
  up(db) {
    db.exec(`
      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );

      -- Tokens are never stored, only what identifies them; revocation is by jti.
      CREATE TABLE tokens (
        jti        TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        tenant_id  TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE TABLE token_revocations (
        jti        TEXT PRIMARY KEY,
        revoked_at TEXT NOT NULL
      );

      CREATE TABLE drivers (
        id                 TEXT PRIMARY KEY,
        name               TEXT NOT NULL,
        slug               TEXT NOT NULL UNIQUE,
        description        TEXT NOT NULL,
        version            TEXT NOT NULL,
        type               TEXT NOT NULL,
        available_settings TEXT NOT NULL, -- JSON object, key order kept as seeded
        supported_events   TEXT NOT NULL, -- JSON array
        enabled            INTEGER NOT NULL CHECK (enabled IN (0, 1)),
        enabled_at         TEXT,
        created_at         TEXT NOT NULL,
        updated_at         TEXT NOT NULL,
        auth_method        TEXT NOT NULL CHECK (auth_method IN ('oauth', 'api_key', 'none')),
        credential_setting TEXT           -- for api_key drivers: the setting that holds the key
      );
      CREATE INDEX drivers_name ON drivers (name);
      CREATE INDEX drivers_created_at ON drivers (created_at, id);

      CREATE TABLE installations (
        id            TEXT PRIMARY KEY,
        driver_id     TEXT NOT NULL REFERENCES drivers (id),
        name          TEXT NOT NULL,
        status        TEXT NOT NULL CHECK (status IN ('pending_auth', 'active', 'disabled', 'error')),
        status_reason TEXT,
        method        TEXT NOT NULL,
        oauth_state   TEXT UNIQUE,     -- the unguessable state in auth_url while pending_auth
        authorized_at TEXT,            -- set once credentials were accepted (OAuth approval or key check)
        meta          TEXT NOT NULL,   -- JSON object
        settings      TEXT NOT NULL,   -- JSON object of dot-path keys, secrets included (never served)
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        disabled_at   TEXT
      );
      CREATE INDEX installations_created_at ON installations (created_at, id);
      CREATE INDEX installations_driver ON installations (driver_id, created_at);
      CREATE INDEX installations_status ON installations (status, created_at);

      CREATE TABLE idempotency_keys (
        scope         TEXT NOT NULL,   -- hash of the caller's token subject
        key           TEXT NOT NULL,
        request_hash  TEXT NOT NULL,   -- method + path + body; a reused key with another body is refused
        status_code   INTEGER,         -- NULL while the first request is still running
        response_body TEXT,
        content_type  TEXT,
        created_at    TEXT NOT NULL,
        PRIMARY KEY (scope, key)
      );
      CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
    `);
  },
};
