-- 0004 case notes and attachments. File contents live outside the database, encrypted.

CREATE TABLE case_notes (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id     uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  body        text NOT NULL,
  author_id   uuid REFERENCES users(id),
  created_at  timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE case_notes IS 'Free-text case notes, visible to everyone who may see the case. Never edited: a correction is a new note.';
COMMENT ON COLUMN case_notes.body IS 'Personal data (sensitive): the note.';
CREATE INDEX case_notes_case_idx ON case_notes (case_id, created_at);

CREATE TABLE case_attachments (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id       uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  file_name     text NOT NULL,
  content_type  text NOT NULL,
  size_bytes    integer NOT NULL,
  sha256        text NOT NULL,
  storage_key   text NOT NULL UNIQUE,
  uploaded_by   uuid REFERENCES users(id),
  uploaded_at   timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE case_attachments IS 'Files attached to a case. The content is in the file store (encrypted with the platform key), not in the database; every download is checked and audited.';
COMMENT ON COLUMN case_attachments.file_name IS 'Personal data possible: the uploaded file''s name.';
COMMENT ON COLUMN case_attachments.sha256 IS 'Hash of the plain content, checked on every download.';
CREATE INDEX case_attachments_case_idx ON case_attachments (case_id);
