-- 0029 Care phases: in a facility type the country configures with phases (a Shishu Paribar:
-- housing and health, education, vocational training, reintegration), each resident's stay moves
-- through them in order; each phase's start date is kept, the current phase is the latest.
CREATE TABLE placement_phases (
  placement_id  uuid NOT NULL REFERENCES placements(id),
  phase         text NOT NULL,
  started_on    date NOT NULL,
  recorded_by   uuid REFERENCES users(id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (placement_id, phase)
);
COMMENT ON TABLE placement_phases IS 'The care phases a resident''s stay has entered, with the date each began (phases from the country configuration''s facility type); the latest is the current phase.';
