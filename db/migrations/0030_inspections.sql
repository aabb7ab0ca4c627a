-- 0030 Care standards: inspection visits to a facility against the checklist of minimum
-- standards (data/taxonomies/care-standards.json), each item met or not with a note; the score
-- is the share met (computed at the visit, kept with it); corrective actions with due dates; the
-- next inspection due. An overdue inspection alerts the district office once.
CREATE TABLE facility_inspections (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  facility_id         uuid NOT NULL REFERENCES facilities(id),
  inspected_on        date NOT NULL,
  inspector_id        uuid REFERENCES users(id),
  findings            jsonb NOT NULL,
  score               integer NOT NULL CHECK (score BETWEEN 0 AND 100),
  summary             text,
  next_due_on         date NOT NULL,
  overdue_alerted_at  timestamptz,
  created_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX facility_inspections_facility_idx ON facility_inspections (facility_id, inspected_on DESC);
COMMENT ON TABLE facility_inspections IS 'An inspection visit to a facility: each care-standard item met or not (findings: [{code, met, note}]), the score (percent of items met), and when the next is due. The facility''s latest visit holds the due date the sweep reads.';
COMMENT ON COLUMN facility_inspections.findings IS 'Personal data possible in the notes: what the inspector saw.';

CREATE TABLE inspection_actions (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  inspection_id  uuid NOT NULL REFERENCES facility_inspections(id),
  description    text NOT NULL,
  due_on         date NOT NULL,
  done_on        date,
  done_by        uuid REFERENCES users(id),
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inspection_actions_inspection_idx ON inspection_actions (inspection_id);
COMMENT ON TABLE inspection_actions IS 'Corrective actions an inspection asks of the facility, each with its due date and, once done, the date.';
