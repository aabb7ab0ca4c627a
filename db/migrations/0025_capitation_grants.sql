-- 0025 Capitation grants to NGO orphanages: the children each orphanage enrols (persons of the
-- registry, so one child on two lists is one person), the effective-dated rate, and the monthly
-- claim generated from them, verified by the district office (spot checks), approved or
-- returned, and disbursed. Flags are computed when the claim is generated, never typed.
CREATE TABLE grant_rates (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  amount          integer NOT NULL CHECK (amount > 0),
  effective_from  date NOT NULL UNIQUE CHECK (extract(day FROM effective_from) = 1),
  note            text,
  set_by          uuid REFERENCES users(id),
  set_at          timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE grant_rates IS 'The capitation rate per child per month (in the country''s currency), from the first day of a month on; a month is paid at the rate in force on its first day.';

CREATE TABLE grant_enrolments (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  facility_id   uuid NOT NULL REFERENCES facilities(id),
  person_id     uuid NOT NULL REFERENCES persons(id),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  adm1_code     text,
  adm2_code     text,
  adm3_code     text,
  enrolled_on   date NOT NULL,
  ended_on      date,
  end_reason    text,
  enrolled_by   uuid REFERENCES users(id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  CHECK (ended_on IS NULL OR ended_on >= enrolled_on)
);
-- One open enrolment of a child per orphanage; another orphanage enrolling the same child is
-- allowed (it is what the claims flag).
CREATE UNIQUE INDEX grant_enrolments_open_idx ON grant_enrolments (facility_id, person_id) WHERE ended_on IS NULL;
CREATE INDEX grant_enrolments_person_idx ON grant_enrolments (person_id);
COMMENT ON TABLE grant_enrolments IS 'Children an NGO orphanage enrols for the capitation grant; place and organisation copied from the facility for the access predicate.';
COMMENT ON COLUMN grant_enrolments.person_id IS 'Personal data: the child (person registry).';

CREATE TABLE grant_claims (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  facility_id      uuid NOT NULL REFERENCES facilities(id),
  organisation_id  uuid NOT NULL REFERENCES organisations(id),
  adm1_code        text,
  adm2_code        text,
  adm3_code        text,
  month            date NOT NULL CHECK (extract(day FROM month) = 1),
  rate             integer NOT NULL,
  claimed_children integer NOT NULL,
  verified_children integer NOT NULL,
  claimed_amount   integer NOT NULL,
  payable_amount   integer NOT NULL,
  flags            text[] NOT NULL DEFAULT '{}',
  status           text NOT NULL DEFAULT 'generated' CHECK (status IN ('generated', 'approved', 'returned', 'disbursed')),
  generated_at     timestamptz NOT NULL,
  decided_by       uuid REFERENCES users(id),
  decided_at       timestamptz,
  decision_note    text,
  disbursed_by     uuid REFERENCES users(id),
  disbursed_at     timestamptz,
  disbursement_ref text,
  UNIQUE (facility_id, month),
  CHECK (payable_amount <= verified_children * rate)
);
CREATE INDEX grant_claims_month_idx ON grant_claims (month, adm2_code, status);
COMMENT ON TABLE grant_claims IS 'One orphanage''s claim for one month: every enrolled child as a line, the verified ones x the month''s rate as the payable amount (never more, a CHECK holds it), the flags of its lines and of the orphanage.';
COMMENT ON COLUMN grant_claims.flags IS 'Computed: claimed_elsewhere, left_care, not_resident, spot_check_failed, over_verified, licence_expired.';

CREATE TABLE grant_claim_lines (
  claim_id      uuid NOT NULL REFERENCES grant_claims(id) ON DELETE CASCADE,
  enrolment_id  uuid NOT NULL REFERENCES grant_enrolments(id),
  person_id     uuid NOT NULL REFERENCES persons(id),
  verified      boolean NOT NULL,
  flags         text[] NOT NULL DEFAULT '{}',
  spot_check    boolean NOT NULL DEFAULT false,
  spot_result   text CHECK (spot_result IN ('present', 'absent', 'not_known')),
  spot_note     text,
  spot_by       uuid REFERENCES users(id),
  spot_at       timestamptz,
  PRIMARY KEY (claim_id, enrolment_id)
);
CREATE INDEX grant_claim_lines_person_idx ON grant_claim_lines (person_id);
COMMENT ON TABLE grant_claim_lines IS 'A child on a claim: verified when resident in the orphanage that month, under 18, in care, and not found absent at a spot check; flags say why not.';
COMMENT ON COLUMN grant_claim_lines.person_id IS 'Personal data: the child (person registry).';
COMMENT ON COLUMN grant_claim_lines.spot_note IS 'Personal data possible: what the officer found at the spot check.';
