-- 0022 Record linkage: one child across sources. Every person row is a source record (a case
-- registration, a helpline contact, an institution register, an NGO list, a grant enrolment,
-- an import) and keeps its source and the source's own id; records judged to be one child
-- share a link_group (person_groups). The engine runs in the application (src/server/modules/people/linkage);
-- these tables keep what it needs between runs and what people decided.
ALTER TABLE persons ADD COLUMN source text NOT NULL DEFAULT 'case_registration';
ALTER TABLE persons ADD COLUMN source_id text;
ALTER TABLE persons ADD COLUMN father_name text;
ALTER TABLE persons ADD COLUMN mother_name text;
ALTER TABLE persons ADD COLUMN link_name text;
ALTER TABLE persons ADD COLUMN link_keys text[];
ALTER TABLE persons ADD COLUMN import_id uuid;
COMMENT ON COLUMN persons.source IS 'Where the record came from: case_registration, helpline_contact, or the name an imported list was given (ngo_list, institution_register, grant_enrolment...).';
COMMENT ON COLUMN persons.source_id IS 'The source''s own id for the record (unique within the source); null for records made in the platform, whose own id serves.';
COMMENT ON COLUMN persons.father_name IS 'Personal data: the father''s name as the source wrote it (case records keep family members in family_members).';
COMMENT ON COLUMN persons.mother_name IS 'Personal data: the mother''s name as the source wrote it.';
COMMENT ON COLUMN persons.link_name IS 'Personal data (derived): the names as record linkage compares them (shared/phonetic.ts linkName), several joined by " | ".';
COMMENT ON COLUMN persons.link_keys IS 'Personal data (derived): the blocking keys of the record (name words with district and birth year, phone...), so one new record finds its candidates through the index.';
COMMENT ON COLUMN persons.import_id IS 'The people import that loaded the record, if any.';
CREATE UNIQUE INDEX persons_source_id_idx ON persons (source, source_id) WHERE source_id IS NOT NULL;
CREATE INDEX persons_link_keys_idx ON persons USING gin (link_keys);

-- Which records are one child. Kept beside persons, not in it: a full run moves hundreds of
-- thousands of records between groups, and a narrow table takes that without rewriting each
-- person row and its name and blocking-key indexes.
CREATE TABLE person_groups (
  person_id  uuid PRIMARY KEY REFERENCES persons(id) ON DELETE CASCADE,
  link_group uuid NOT NULL
);
COMMENT ON TABLE person_groups IS 'The child each linked record belongs to: link_group is the id of one record of the group; a record standing alone has no row.';
CREATE INDEX person_groups_group_idx ON person_groups (link_group);

CREATE TABLE link_models (
  version     integer PRIMARY KEY,
  model       jsonb NOT NULL,
  stats       jsonb NOT NULL,
  created_by  uuid,
  created_at  timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE link_models IS 'Each estimated linkage model (comparison levels, m and u, thresholds: Splink-shaped JSON) with the figures of the run that made it; the newest scores new records.';

CREATE TABLE link_terms (
  word    text PRIMARY KEY,
  log2_tf real NOT NULL
);
COMMENT ON TABLE link_terms IS 'Term frequencies of name words (vowel-folded) from the last full run: a shared rare name counts for more than a shared common one. Derived from names, no record is identifiable from it.';

CREATE TABLE link_pairs (
  a            uuid NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  b            uuid NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  weight       real NOT NULL,
  probability  real NOT NULL,
  levels       smallint[] NOT NULL,
  partials     real[] NOT NULL,
  model_version integer NOT NULL,
  status       text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'same', 'different', 'unsure')),
  decided_by   uuid,
  decided_at   timestamptz,
  adm2_a       text,
  adm2_b       text,
  PRIMARY KEY (a, b),
  CHECK (a < b)
);
COMMENT ON TABLE link_pairs IS 'Pairs of records for a person to judge (the middle band, and links the clustering refused), and every judgement made: same child, different children, not sure. Judgements are kept across runs and teach the next estimation.';
CREATE INDEX link_pairs_open_idx ON link_pairs (probability DESC) WHERE status = 'open';

CREATE TABLE link_changes (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind        text NOT NULL CHECK (kind IN ('merge', 'split')),
  group_id    uuid NOT NULL,
  before      jsonb NOT NULL,
  reason      text,
  made_by     uuid,
  made_at     timestamptz NOT NULL DEFAULT now(),
  undone_at   timestamptz,
  undone_by   uuid
);
COMMENT ON TABLE link_changes IS 'Every merge and split a person made, with each moved record''s link_group before it, so any of them can be undone.';

CREATE TABLE people_imports (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  source      text NOT NULL,
  file_name   text NOT NULL,
  file_sha256 text NOT NULL,
  rows        integer NOT NULL,
  made_by     uuid,
  made_at     timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE people_imports IS 'Each list of people imported from another system (ncpp import people, or the web upload).';
