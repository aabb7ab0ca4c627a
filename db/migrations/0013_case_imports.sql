-- 0013 legacy imports run as jobs: the upload is kept here until the job has checked and
-- written it in chunks (each chunk one short transaction, so other users are served between
-- them), with progress and the line-numbered report; cases keep the import they came from,
-- so a failed import is removed whole and a resumed one continues where it stopped.
CREATE TABLE case_imports (
  id            uuid PRIMARY KEY,
  file_name     text NOT NULL,
  file_sha256   text NOT NULL,
  content       bytea,
  status        text NOT NULL CHECK (status IN ('queued', 'checking', 'writing', 'done', 'rejected', 'rolling_back', 'failed')),
  rows_total    integer,
  rows_done     integer NOT NULL DEFAULT 0,
  issue_count   integer NOT NULL DEFAULT 0,
  issues        jsonb,
  lease_until   timestamptz,
  lease_holder  text,
  created_by    uuid REFERENCES users(id),
  audit_context jsonb NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  finished_at   timestamptz
);
COMMENT ON TABLE case_imports IS 'Legacy case imports (docs/import-cases.md): the file until it is written, then only its hash, counts and report.';
COMMENT ON COLUMN case_imports.lease_until IS 'Until when the worker running the import holds it (renewed every chunk); a stopped worker''s import is resumed after it.';
COMMENT ON COLUMN case_imports.content IS 'Personal data: the uploaded CSV, cleared when the import finishes either way.';
COMMENT ON COLUMN case_imports.issues IS 'Personal data possible: the first 1,000 problems of a rejected file (codes and parameters, rendered in the reader''s language).';
CREATE INDEX case_imports_hash_idx ON case_imports (file_sha256);
ALTER TABLE cases ADD COLUMN import_id uuid REFERENCES case_imports(id);
COMMENT ON COLUMN cases.import_id IS 'The legacy import that created the case, if any.';
CREATE INDEX cases_import_idx ON cases (import_id) WHERE import_id IS NOT NULL;

-- A bulk load refreshes the planner's statistics as it goes (else every case list is planned
-- for a small table and slows down as the table grows); ANALYZE needs the table owner, so the
-- app role may run these, and nothing more.
CREATE FUNCTION analyze_cases() RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$ ANALYZE cases; ANALYZE case_assignments; $$;
CREATE FUNCTION analyze_persons() RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$ ANALYZE persons; $$;
