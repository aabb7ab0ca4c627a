-- 0003 services, referrals and consent: the service directory, referrals between
-- organisations (accept / decline / report back), and consent per purpose.

CREATE TABLE services (
  id                        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name_en                   text NOT NULL,
  name_local                text,
  category                  text NOT NULL CHECK (category IN ('health', 'psychosocial', 'legal_aid', 'education', 'shelter', 'family_tracing', 'disability', 'social_allowance', 'livelihood', 'other')),
  description               text,
  provider_organisation_id  uuid NOT NULL REFERENCES organisations(id),
  geo_code                  text REFERENCES geo_units(code),
  adm1_code                 text,
  adm2_code                 text,
  adm3_code                 text,
  contact_phone             text,
  contact_email             text,
  is_active                 boolean NOT NULL DEFAULT true,
  created_at                timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE services IS 'The service directory: health, psychosocial, legal aid, education, shelter, family tracing, disability services, social allowances, with their provider organisation, place and contact.';
COMMENT ON COLUMN services.geo_code IS 'Where the service is delivered; NULL for a national service (e.g. the Artificial Limb Centre).';
CREATE INDEX services_provider_idx ON services (provider_organisation_id);
CREATE INDEX services_category_idx ON services (category);

CREATE TABLE consents (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id          uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  purpose          text NOT NULL CHECK (purpose IN ('registration', 'information_sharing', 'referral', 'photo_story')),
  given_by         text NOT NULL CHECK (given_by IN ('child', 'parent', 'guardian', 'caregiver', 'court')),
  giver_name       text,
  child_assent     boolean NOT NULL DEFAULT false,
  given_on         date NOT NULL,
  recorded_by      uuid REFERENCES users(id),
  recorded_at      timestamptz NOT NULL DEFAULT now(),
  withdrawn_at     timestamptz,
  withdrawn_by     uuid REFERENCES users(id),
  withdrawal_note  text
);
COMMENT ON TABLE consents IS 'Consent (and the child''s assent) per purpose. A withdrawn consent stays on record with when and why; from then on nothing it covered goes out.';
COMMENT ON COLUMN consents.giver_name IS 'Personal data: the name of the person who gave consent.';
CREATE INDEX consents_case_idx ON consents (case_id, purpose);

CREATE TABLE referrals (
  id                        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id                   uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  service_id                uuid NOT NULL REFERENCES services(id),
  provider_organisation_id  uuid NOT NULL REFERENCES organisations(id),
  status                    text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined', 'completed', 'cancelled')),
  reason                    text NOT NULL,
  shared                    jsonb NOT NULL,
  created_by                uuid REFERENCES users(id),
  created_at                timestamptz NOT NULL DEFAULT now(),
  responded_by              uuid REFERENCES users(id),
  responded_at              timestamptz,
  response_reason           text,
  feedback                  text,
  completed_at              timestamptz,
  adm1_code                 text,
  adm2_code                 text,
  adm3_code                 text
);
COMMENT ON TABLE referrals IS 'A referral of a case to a service. The provider sees only the referral and what was shared with it, never the case file.';
COMMENT ON COLUMN referrals.shared IS 'Personal data: exactly what went to the provider, fixed at sending time from the consents then in force.';
COMMENT ON COLUMN referrals.response_reason IS 'Why the provider declined (sent back to the caseworker).';
COMMENT ON COLUMN referrals.feedback IS 'Personal data possible: the provider''s report back on the service given.';
CREATE INDEX referrals_case_idx ON referrals (case_id);
CREATE INDEX referrals_provider_idx ON referrals (provider_organisation_id, status);
