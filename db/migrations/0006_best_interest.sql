-- 0006 best-interest determination for alternative-care decisions, and the Upazila Child
-- Welfare Board's decision recorded back on the case (Children Act 2013, Chapters 3 and 10).

CREATE TABLE case_bids (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id           uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  question          text NOT NULL,
  options           jsonb NOT NULL,
  recommendation    text NOT NULL,
  child_views       text NOT NULL,
  family_views      text,
  board_geo_code    text NOT NULL REFERENCES geo_units(code),
  status            text NOT NULL DEFAULT 'with_board' CHECK (status IN ('with_board', 'decided')),
  submitted_by      uuid REFERENCES users(id),
  submitted_at      timestamptz NOT NULL DEFAULT now(),
  decision          text,
  decision_date     date,
  decision_notes    text,
  recorded_by       uuid REFERENCES users(id),
  recorded_at       timestamptz
);
COMMENT ON TABLE case_bids IS 'Best-interest determinations sent to the Upazila Child Welfare Board of the case''s upazila, and the board''s decision recorded back.';
COMMENT ON COLUMN case_bids.options IS 'Personal data: the care options considered, each with its assessment: [{option, assessment}].';
COMMENT ON COLUMN case_bids.child_views IS 'Personal data: the child''s views, in their words (CRC Article 12).';
COMMENT ON COLUMN case_bids.family_views IS 'Personal data: the family''s views.';
COMMENT ON COLUMN case_bids.board_geo_code IS 'The upazila whose Child Welfare Board decides.';
CREATE INDEX case_bids_case_idx ON case_bids (case_id);
CREATE INDEX case_bids_board_idx ON case_bids (board_geo_code, status);
