-- 0001 platform: geography, organisations, roles, users, sessions, tokens, audit, notifications.
-- Runs unchanged on PostgreSQL 15+ and on PGlite (PostgreSQL 18 in WASM).

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

-- The application's restricted role on a PostgreSQL server. The server connects as the owner
-- and drops to this role per connection; it may INSERT and SELECT the audit trail, never change it.
-- Creating roles needs CREATEROLE: where the migrator lacks it, a DBA creates the role instead.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ncpp_app') THEN
    CREATE ROLE ncpp_app NOLOGIN;
  END IF;
  EXECUTE format('GRANT ncpp_app TO %I', current_user);
EXCEPTION WHEN insufficient_privilege OR feature_not_supported THEN
  RAISE NOTICE 'ncpp_app role not created: %', SQLERRM;
END $$;

CREATE TABLE geo_units (
  code          text PRIMARY KEY,
  level         smallint NOT NULL CHECK (level BETWEEN 1 AND 4),
  parent_code   text REFERENCES geo_units(code),
  name_en       text NOT NULL,
  name_local    text,
  names_alt     text[] NOT NULL DEFAULT '{}',
  kind          text,
  code_source   text NOT NULL CHECK (code_source IN ('official', 'local')),
  flags         text[] NOT NULL DEFAULT '{}',
  adm1_code     text,
  adm2_code     text,
  adm3_code     text,
  search_key    text NOT NULL,
  lat           double precision,
  lon           double precision,
  note          text
);
COMMENT ON TABLE geo_units IS 'Administrative units of the configured country (division > district > upazila > union for Bangladesh), loaded from data/geo by the reference-data loader.';
COMMENT ON COLUMN geo_units.code IS 'Official code (BBS geocode) or, where none exists, a local code: parent code + "-" + letter + source id (see data/geo/README.md).';
COMMENT ON COLUMN geo_units.level IS 'Admin level 1-4; the country configuration names them (Bangladesh: division, district, upazila, union; KP: province, district, tehsil).';
COMMENT ON COLUMN geo_units.name_local IS 'Name in the country''s local language (Bangla for Bangladesh, Urdu for KP).';
COMMENT ON COLUMN geo_units.adm1_code IS 'Codes of the unit''s ancestors (and itself) at levels 1-3, denormalised so scope predicates are simple equality tests.';
COMMENT ON COLUMN geo_units.code_source IS 'official = published code; local = stable local code assigned by NCPP because none is published.';
COMMENT ON COLUMN geo_units.flags IS 'Hard-to-reach flags: haor, char, coastal, cht (district flags are inherited by the units below).';
COMMENT ON COLUMN geo_units.search_key IS 'Script-independent phonetic key of all names, indexed with pg_trgm for typo-tolerant search.';
CREATE INDEX geo_units_parent_idx ON geo_units (parent_code);
CREATE INDEX geo_units_level_idx ON geo_units (level);
CREATE INDEX geo_units_search_idx ON geo_units USING gin (search_key gin_trgm_ops);

CREATE TABLE reference_data_versions (
  name        text PRIMARY KEY,
  checksum    text NOT NULL,
  loaded_at   timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE reference_data_versions IS 'Checksum of each reference data set last loaded, so start-up reloads only what changed.';

CREATE TABLE organisations (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name_en       text NOT NULL,
  name_local    text,
  short_name    text,
  type          text NOT NULL CHECK (type IN ('ministry', 'dss_office', 'un_agency', 'ingo', 'national_ngo', 'local_ngo', 'cbo', 'institution')),
  geo_code      text REFERENCES geo_units(code),
  adm1_code     text,
  adm2_code     text,
  adm3_code     text,
  is_active     boolean NOT NULL DEFAULT true,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (name_en)
);
COMMENT ON TABLE organisations IS 'Ministries, DSS offices, UN agencies, INGOs, NGOs, CBOs and institutions that use the platform.';
COMMENT ON COLUMN organisations.geo_code IS 'Most precise admin unit of the organisation''s office; adm1-3 codes are derived for scope predicates.';
CREATE INDEX organisations_adm2_idx ON organisations (adm2_code);

CREATE TABLE roles (
  key          text PRIMARY KEY,
  name_en      text NOT NULL,
  name_local   text NOT NULL,
  permissions  text[] NOT NULL,
  home         text NOT NULL DEFAULT 'home',
  requires_mfa boolean NOT NULL DEFAULT false,
  is_system    boolean NOT NULL DEFAULT false,
  updated_at   timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE roles IS 'Roles are data: a named set of permissions. Scope is bound per user, in user_roles.';
COMMENT ON COLUMN roles.home IS 'Key of the web home page the role lands on after sign-in.';
COMMENT ON COLUMN roles.requires_mfa IS 'Users holding this role must complete TOTP two-factor sign-in.';

CREATE TABLE users (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username            text NOT NULL UNIQUE,
  full_name           text NOT NULL,
  email               text,
  phone               text,
  organisation_id     uuid NOT NULL REFERENCES organisations(id),
  password_hash       text,
  password_changed_at timestamptz,
  lang                text NOT NULL DEFAULT 'en',
  is_active           boolean NOT NULL DEFAULT true,
  is_demo             boolean NOT NULL DEFAULT false,
  totp_secret_enc     text,
  totp_enabled        boolean NOT NULL DEFAULT false,
  failed_logins       integer NOT NULL DEFAULT 0,
  locked_until        timestamptz,
  oidc_subject        text UNIQUE,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE users IS 'People who sign in. Each belongs to one organisation and holds roles bound to geographic scopes.';
COMMENT ON COLUMN users.full_name IS 'Personal data: the user''s name.';
COMMENT ON COLUMN users.email IS 'Personal data: used for password reset and notifications.';
COMMENT ON COLUMN users.phone IS 'Personal data: work phone.';
COMMENT ON COLUMN users.password_hash IS 'Argon2id hash; NULL for accounts that only sign in through OIDC.';
COMMENT ON COLUMN users.totp_secret_enc IS 'TOTP secret, AES-256-GCM encrypted with the platform secret key.';
COMMENT ON COLUMN users.is_demo IS 'Demo account with the shared demo password; refused when NODE_ENV=production.';
COMMENT ON COLUMN users.oidc_subject IS 'Subject id at the configured OIDC identity provider (e.g. e-Nothi).';
CREATE UNIQUE INDEX users_email_idx ON users (lower(email)) WHERE email IS NOT NULL;
CREATE INDEX users_org_idx ON users (organisation_id);

CREATE TABLE user_roles (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id     uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role_key    text NOT NULL REFERENCES roles(key),
  scope_level smallint NOT NULL CHECK (scope_level BETWEEN 0 AND 3),
  scope_code  text REFERENCES geo_units(code),
  CHECK ((scope_level = 0) = (scope_code IS NULL)),
  UNIQUE (user_id, role_key, scope_level, scope_code)
);
COMMENT ON TABLE user_roles IS 'A role a user holds, bound to a geographic scope: 0 = the whole nation, or one unit at admin level 1-3 (division, district, upazila in Bangladesh).';
CREATE INDEX user_roles_user_idx ON user_roles (user_id);

CREATE TABLE sessions (
  id_hash       text PRIMARY KEY,
  user_id       uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token    text NOT NULL,
  mfa_pending   boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_seen_at  timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  ip            text,
  user_agent    text
);
COMMENT ON TABLE sessions IS 'Server-side sessions. The cookie holds a random id; only its SHA-256 is stored.';
COMMENT ON COLUMN sessions.mfa_pending IS 'Password accepted, TOTP step not yet done: the session grants nothing but the TOTP step.';
COMMENT ON COLUMN sessions.ip IS 'Personal data: client address at sign-in, for security review.';
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expiry_idx ON sessions (expires_at);

CREATE TABLE api_tokens (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id       uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name          text NOT NULL,
  token_hash    text NOT NULL UNIQUE,
  prefix        text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_used_at  timestamptz,
  revoked_at    timestamptz
);
COMMENT ON TABLE api_tokens IS 'Bearer tokens for systems acting as a user. Only the SHA-256 of the token is stored.';

CREATE TABLE password_reset_tokens (
  token_hash  text PRIMARY KEY,
  user_id     uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz
);
COMMENT ON TABLE password_reset_tokens IS 'Single-use, expiring password reset tokens sent by email; only the SHA-256 is stored.';

CREATE TABLE audit_log (
  seq           bigint PRIMARY KEY,
  at            timestamptz NOT NULL DEFAULT now(),
  actor_user_id uuid,
  actor_role    text,
  action        text NOT NULL,
  entity        text NOT NULL,
  entity_id     text,
  diff          jsonb,
  request_id    text,
  ip            text,
  prev_hash     text NOT NULL,
  hash          text NOT NULL
);
COMMENT ON TABLE audit_log IS 'Append-only audit trail, written in the same transaction as each change. Each row carries the hash of the previous one; ncpp audit-verify recomputes the chain.';
COMMENT ON COLUMN audit_log.seq IS 'Gapless sequence assigned under the audit_head row lock: a missing number is a removed row.';
COMMENT ON COLUMN audit_log.diff IS 'Personal data possible: before/after values of the changed fields (secrets are never written).';
COMMENT ON COLUMN audit_log.ip IS 'Personal data: client address of the request.';
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id, at);

CREATE TABLE audit_head (
  id        boolean PRIMARY KEY DEFAULT true CHECK (id),
  last_seq  bigint NOT NULL,
  last_hash text NOT NULL
);
COMMENT ON TABLE audit_head IS 'One row: the sequence number and hash of the newest audit row. Locking it serialises the chain; comparing it detects a removed tail.';
INSERT INTO audit_head (id, last_seq, last_hash) VALUES (true, 0, 'genesis');

CREATE TABLE notifications (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id     uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind        text NOT NULL,
  params      jsonb NOT NULL DEFAULT '{}',
  link        text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  read_at     timestamptz
);
COMMENT ON TABLE notifications IS 'In-app notifications. The text is rendered in the reader''s language from kind + params.';
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC);

-- Privileges for the restricted application role (when it exists).
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ncpp_app') THEN
    EXECUTE 'GRANT USAGE ON SCHEMA public TO ncpp_app';
    EXECUTE 'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ncpp_app';
    EXECUTE 'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ncpp_app';
    EXECUTE 'ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ncpp_app';
    EXECUTE 'ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ncpp_app';
    EXECUTE 'REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM ncpp_app';
  END IF;
END $$;
