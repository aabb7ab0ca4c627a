-- 0028 Reintegration follow-up: a child discharged to a family, a carer or a job is visited on
-- a schedule after leaving (the country configuration's months after discharge), each visit's
-- outcome recorded; a visit not made by its date alerts the facility's staff once.
CREATE TABLE placement_followups (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  placement_id        uuid NOT NULL REFERENCES placements(id),
  due_on              date NOT NULL,
  visited_on          date,
  outcome             text CHECK (outcome IN ('settled', 'needs_support', 'at_risk', 'not_found')),
  note                text,
  visited_by          uuid REFERENCES users(id),
  overdue_alerted_at  timestamptz,
  created_at          timestamptz NOT NULL DEFAULT now(),
  UNIQUE (placement_id, due_on),
  CHECK ((visited_on IS NULL) = (outcome IS NULL))
);
-- The sweep's question (which visits are overdue and not yet told) reads only the open ones.
CREATE INDEX placement_followups_open_idx ON placement_followups (due_on) WHERE visited_on IS NULL;
COMMENT ON TABLE placement_followups IS 'Reintegration follow-up visits after a discharge to a family, foster, kinship or guardianship carer, a job or adult life: one row per scheduled visit, with what the visit found.';
COMMENT ON COLUMN placement_followups.note IS 'Personal data possible: what the visitor found in the home.';
COMMENT ON COLUMN placement_followups.overdue_alerted_at IS 'When the sweep told the facility''s staff the visit was overdue (once).';
