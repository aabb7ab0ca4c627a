-- 0005 case transfers between workers, organisations and districts, accepted by the receiver.

CREATE TABLE case_transfers (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id             uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  to_organisation_id  uuid NOT NULL REFERENCES organisations(id),
  to_user_id          uuid REFERENCES users(id),
  to_geo_code         text REFERENCES geo_units(code),
  target_adm1         text,
  target_adm2         text,
  target_adm3         text,
  reason              text NOT NULL,
  shared              jsonb NOT NULL,
  status              text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined', 'cancelled')),
  requested_by        uuid REFERENCES users(id),
  requested_at        timestamptz NOT NULL DEFAULT now(),
  responded_by        uuid REFERENCES users(id),
  responded_at        timestamptz,
  response_reason     text
);
COMMENT ON TABLE case_transfers IS 'A request to hand a case to another worker, organisation or district. Nothing changes until the receiver accepts; the case keeps one timeline throughout.';
COMMENT ON COLUMN case_transfers.to_geo_code IS 'The child''s new place when the case moves district or upazila (NULL: the place does not change).';
COMMENT ON COLUMN case_transfers.target_adm3 IS 'Where the case will be after the transfer (levels 1-3): decides who may accept it.';
COMMENT ON COLUMN case_transfers.shared IS 'Personal data: what the receiver sees before accepting (less for a sensitive case).';
CREATE UNIQUE INDEX case_transfers_one_pending ON case_transfers (case_id) WHERE status = 'pending';
CREATE INDEX case_transfers_to_org_idx ON case_transfers (to_organisation_id, status);
