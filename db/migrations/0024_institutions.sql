-- 0024 Institutions and alternative care: the facility registry, placements of children in
-- them (admission, transfer, discharge) and the lifecycle alerts the deadline sweep raises.
-- Occupancy is never stored: it is the count of a facility's open placements.
CREATE TABLE facilities (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  type               text NOT NULL,
  name_en            text NOT NULL,
  name_local         text,
  organisation_id    uuid NOT NULL REFERENCES organisations(id),
  operator_id        uuid NOT NULL REFERENCES organisations(id),
  geo_code           text NOT NULL REFERENCES geo_units(code),
  adm1_code          text,
  adm2_code          text,
  adm3_code          text,
  sex_served         text NOT NULL CHECK (sex_served IN ('female', 'male', 'any')),
  age_min            integer NOT NULL CHECK (age_min >= 0),
  age_max            integer NOT NULL CHECK (age_max >= age_min),
  seats              integer NOT NULL CHECK (seats >= 0),
  services           text[] NOT NULL DEFAULT '{}',
  contact_phone      text,
  contact_email      text,
  licence_status     text NOT NULL CHECK (licence_status IN ('government', 'licensed', 'provisional', 'suspended', 'unregistered')),
  licence_expires_on date,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX facilities_place_idx ON facilities (adm2_code, type);
CREATE INDEX facilities_organisation_idx ON facilities (organisation_id);
COMMENT ON TABLE facilities IS 'Every residential facility: DSS institutions and registered NGO orphanages. Type from the country configuration (institutionTypes); organisation_id is the organisation whose staff run it (their @org grants reach its residents), operator_id the one that owns it (DSS, or the NGO).';
COMMENT ON COLUMN facilities.contact_phone IS 'The facility''s office number (not a person''s).';
COMMENT ON COLUMN facilities.licence_status IS 'government (a DSS facility needs no licence), licensed, provisional, suspended or unregistered; with licence_expires_on, what the grant flags read.';

CREATE TABLE placements (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  facility_id      uuid NOT NULL REFERENCES facilities(id),
  person_id        uuid NOT NULL REFERENCES persons(id),
  case_id          uuid REFERENCES cases(id),
  organisation_id  uuid NOT NULL REFERENCES organisations(id),
  adm1_code        text,
  adm2_code        text,
  adm3_code        text,
  basis            text NOT NULL CHECK (basis IN ('case', 'court_order', 'police_order', 'emergency')),
  order_reference  text,
  admitted_on      date NOT NULL,
  admitted_by      uuid NOT NULL REFERENCES users(id),
  override_reason  text,
  transferred_from uuid REFERENCES placements(id),
  ended_on         date,
  end_reason       text CHECK (end_reason IN ('transfer', 'family_reunification', 'foster_care', 'kinship_care', 'guardianship', 'job_placement', 'aged_out', 'absconded', 'death')),
  end_note         text,
  ended_by         uuid REFERENCES users(id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  CHECK ((ended_on IS NULL) = (end_reason IS NULL)),
  CHECK (ended_on IS NULL OR ended_on >= admitted_on)
);
-- A child is in one facility at a time: a second open placement is refused by the database
-- too, so two managers admitting the same child at once cannot both succeed.
CREATE UNIQUE INDEX placements_one_open_idx ON placements (person_id) WHERE ended_on IS NULL;
CREATE INDEX placements_open_facility_idx ON placements (facility_id) WHERE ended_on IS NULL;
CREATE INDEX placements_facility_idx ON placements (facility_id, admitted_on);
CREATE INDEX placements_case_idx ON placements (case_id);
COMMENT ON TABLE placements IS 'A child''s stay in a facility, from admission to discharge (or transfer, which ends one placement and opens the next). Part of the child''s case when there is one; organisation and place copied from the facility for the access predicate.';
COMMENT ON COLUMN placements.person_id IS 'Personal data: the child (person registry).';
COMMENT ON COLUMN placements.order_reference IS 'Personal data possible: the court or police order''s reference.';
COMMENT ON COLUMN placements.override_reason IS 'Why the facility took the child over its seats or outside the ages it serves (recorded, never silent).';
COMMENT ON COLUMN placements.end_note IS 'Personal data possible: the circumstances of the discharge.';

CREATE TABLE placement_alerts (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  placement_id  uuid NOT NULL REFERENCES placements(id),
  rule          text NOT NULL,
  due_on        date NOT NULL,
  raised_at     timestamptz NOT NULL,
  resolved_at   timestamptz,
  UNIQUE (placement_id, rule)
);
CREATE INDEX placement_alerts_open_idx ON placement_alerts (placement_id) WHERE resolved_at IS NULL;
COMMENT ON TABLE placement_alerts IS 'Lifecycle alerts the deadline sweep raised for a placement (a baby-home child nearing 7, a resident nearing 18), with the deadline; resolved when the placement ends.';
