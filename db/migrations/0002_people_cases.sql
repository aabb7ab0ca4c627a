-- 0002 people and cases: the child registry and SOP case registration, scoped and audited.

CREATE TABLE persons (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  names                jsonb NOT NULL,
  display_name         text NOT NULL,
  name_key             text NOT NULL,
  name_folded          text NOT NULL,
  sex                  text NOT NULL CHECK (sex IN ('female', 'male', 'other', 'unknown')),
  date_of_birth        date,
  dob_estimated        boolean NOT NULL DEFAULT false,
  disabilities         text[] NOT NULL DEFAULT '{}',
  vulnerable_groups    text[] NOT NULL DEFAULT '{}',
  birth_registration_no text,
  parent_nid           text,
  geo_code             text REFERENCES geo_units(code),
  adm1_code            text,
  adm2_code            text,
  adm3_code            text,
  address_detail       text,
  phone                text,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE persons IS 'The person registry (children first): shared by case management, helpline, institutions and record linkage.';
COMMENT ON COLUMN persons.names IS 'Personal data: every name the person is known by, [{text, kind: full|given|family|alias|nickname}], in Bangla and/or Latin script.';
COMMENT ON COLUMN persons.display_name IS 'Personal data: the name shown in lists (the first full name).';
COMMENT ON COLUMN persons.name_key IS 'Personal data (derived): phonetic skeleton of all names, script-independent, indexed with pg_trgm.';
COMMENT ON COLUMN persons.name_folded IS 'Personal data (derived): vowel-folded key of all names, for ranking matches.';
COMMENT ON COLUMN persons.date_of_birth IS 'Personal data: date of birth, or an estimate (dob_estimated) from a stated age.';
COMMENT ON COLUMN persons.disabilities IS 'Personal data (health): codes of the 12 national disability categories (data/taxonomies/disabilities.json).';
COMMENT ON COLUMN persons.vulnerable_groups IS 'Personal data: vulnerable-group tags (data/taxonomies/vulnerable-groups.json).';
COMMENT ON COLUMN persons.birth_registration_no IS 'Personal data: birth registration number.';
COMMENT ON COLUMN persons.parent_nid IS 'Personal data: a parent''s national ID number.';
COMMENT ON COLUMN persons.address_detail IS 'Personal data: village, ward or street below the most precise admin unit.';
COMMENT ON COLUMN persons.phone IS 'Personal data: contact phone.';
-- No trigram index here: case search ranks on cases.child_name_key. Record linkage (a later
-- module) adds the blocking index it needs, so case registration pays for one GIN index only.
CREATE INDEX persons_adm2_idx ON persons (adm2_code);

CREATE TABLE case_counters (
  adm2_code text NOT NULL,
  year      integer NOT NULL,
  last      integer NOT NULL,
  PRIMARY KEY (adm2_code, year)
);
COMMENT ON TABLE case_counters IS 'Per district and year: the last case number issued (row-locked while a case is registered, so numbers are unique and gapless).';

CREATE TABLE cases (
  id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_number             text NOT NULL UNIQUE,
  child_id                uuid NOT NULL REFERENCES persons(id),
  status                  text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  step                    text NOT NULL DEFAULT 'registration',
  risk_level              text NOT NULL CHECK (risk_level IN ('high', 'medium', 'low')),
  concerns                text[] NOT NULL,
  source                  text NOT NULL CHECK (source IN ('helpline', 'outreach', 'police', 'court', 'institution', 'self', 'community_committee', 'ngo')),
  sensitive               boolean NOT NULL DEFAULT false,
  summary                 text,
  reported_on             date NOT NULL,
  registered_at           timestamptz NOT NULL DEFAULT now(),
  initial_assessment_due  timestamptz NOT NULL,
  organisation_id         uuid NOT NULL REFERENCES organisations(id),
  caseworker_id           uuid REFERENCES users(id),
  supervisor_id           uuid REFERENCES users(id),
  geo_code                text REFERENCES geo_units(code),
  adm1_code               text,
  adm2_code               text,
  adm3_code               text,
  created_by              uuid REFERENCES users(id),
  child_name_key          text NOT NULL,
  child_name_folded       text NOT NULL,
  updated_at              timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE cases IS 'A child protection case under the national Case Management SOP. Visible to the assigned people, their supervisors and managers whose scope contains it; sensitive cases only to people explicitly assigned.';
COMMENT ON COLUMN cases.case_number IS 'Human-readable number: <country>-<district code>-<year>-<sequence>.';
COMMENT ON COLUMN cases.step IS 'Current SOP step: registration, initial_assessment, comprehensive_assessment, case_plan, plan_approval, implementation, follow_up, closure, post_closure.';
COMMENT ON COLUMN cases.concerns IS 'Personal data (sensitive): protection concern codes (data/taxonomies/concerns.json).';
COMMENT ON COLUMN cases.sensitive IS 'Set automatically for sexual abuse, exploitation and trafficking concerns: only explicitly assigned people may see the case.';
COMMENT ON COLUMN cases.summary IS 'Personal data (sensitive): what was reported, in the reporter''s words.';
COMMENT ON COLUMN cases.initial_assessment_due IS 'Deadline for the initial assessment, from the risk level (default high 24 h, medium 72 h, low 7 days).';
COMMENT ON COLUMN cases.child_name_key IS 'Personal data (derived): copy of the child''s phonetic name key, so a search filters and ranks on the case rows of the caller''s scope without touching other districts'' people. Kept in step by the people service.';
COMMENT ON COLUMN cases.child_name_folded IS 'Personal data (derived): copy of the child''s folded name key, for ranking.';
COMMENT ON COLUMN cases.adm3_code IS 'Place of the case (the child''s location at registration), at levels 1-3, for scope predicates.';
CREATE INDEX cases_child_idx ON cases (child_id);
-- fastupdate off: each registration updates the index itself, so no request pays for
-- flushing a pending list of thousands of earlier inserts (a p95 spike under load).
CREATE INDEX cases_name_key_idx ON cases USING gin (child_name_key gin_trgm_ops) WITH (fastupdate = off);
CREATE INDEX cases_adm3_idx ON cases (adm3_code, status);
CREATE INDEX cases_adm2_idx ON cases (adm2_code, status);
CREATE INDEX cases_org_idx ON cases (organisation_id);
CREATE INDEX cases_due_idx ON cases (initial_assessment_due) WHERE status = 'open' AND step = 'registration';

CREATE TABLE case_assignments (
  case_id    uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  user_id    uuid NOT NULL REFERENCES users(id),
  role       text NOT NULL CHECK (role IN ('caseworker', 'supervisor', 'member')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, user_id, role)
);
COMMENT ON TABLE case_assignments IS 'Who is explicitly assigned to a case: the reach of @assigned permissions and the only way to see a sensitive case.';
CREATE INDEX case_assignments_user_idx ON case_assignments (user_id);

CREATE TABLE case_events (
  id         bigserial PRIMARY KEY,
  case_id    uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  at         timestamptz NOT NULL DEFAULT now(),
  actor_id   uuid REFERENCES users(id),
  kind       text NOT NULL,
  data       jsonb NOT NULL DEFAULT '{}'
);
COMMENT ON TABLE case_events IS 'The case timeline: every step, assignment, referral and note, in order, so a case moves between organisations without the child re-telling their story.';
COMMENT ON COLUMN case_events.data IS 'Personal data possible: the details of the event.';
CREATE INDEX case_events_case_idx ON case_events (case_id, at);

CREATE TABLE role_default_grants (
  role_key   text NOT NULL REFERENCES roles(key) ON DELETE CASCADE,
  permission text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (role_key, permission)
);
COMMENT ON TABLE role_default_grants IS 'Default permissions (data/roles/default-roles.json) already applied to each role: a release adds new defaults once, and never re-adds one an administrator removed.';
INSERT INTO role_default_grants (role_key, permission) SELECT key, unnest(permissions) FROM roles;

CREATE TABLE case_steps (
  id            bigserial PRIMARY KEY,
  case_id       uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  step          text NOT NULL,
  data          jsonb NOT NULL,
  skipped       text[] NOT NULL DEFAULT '{}',
  skip_reason   text,
  recorded_by   uuid REFERENCES users(id),
  recorded_at   timestamptz NOT NULL DEFAULT now(),
  decision      text CHECK (decision IN ('approve', 'return')),
  decided_by    uuid REFERENCES users(id),
  decided_at    timestamptz,
  decision_comment text
);
COMMENT ON TABLE case_steps IS 'Each SOP step form as submitted (never overwritten: a later submission is a new row), with who and when, any skipped steps and why, and for plans and closures the supervisor''s decision.';
COMMENT ON COLUMN case_steps.data IS 'Personal data (sensitive): the step form (assessment findings, plan, follow-up notes, closure outcome).';
COMMENT ON COLUMN case_steps.skip_reason IS 'Why SOP steps were skipped (e.g. emergency placement before assessment).';
CREATE INDEX case_steps_case_idx ON case_steps (case_id, recorded_at);
