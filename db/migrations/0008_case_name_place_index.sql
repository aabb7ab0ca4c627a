-- 0008 one index for "this name, inside this area": the phonetic name key's trigrams together
-- with the case's place at levels 1-3 (btree_gin lets plain columns sit in a GIN index).
--
-- A district officer's or caseworker's search used to read every case of their area and
-- compute a similarity for each (about 2,000 rows a district at national scale). With the
-- place in the same GIN index, PostgreSQL intersects the area's entries with the name's
-- trigrams inside the index and rechecks only real candidates. A nationwide search uses the
-- same index on the name column alone, so the old name-only index is dropped.
CREATE EXTENSION IF NOT EXISTS btree_gin;

DROP INDEX cases_name_key_idx;
-- fastupdate off, as before: each registration updates the index itself, so no request pays
-- for flushing a pending list of thousands of earlier inserts (a p95 spike under load).
CREATE INDEX cases_place_name_idx ON cases
  USING gin (adm1_code, adm2_code, adm3_code, child_name_key gin_trgm_ops) WITH (fastupdate = off);
