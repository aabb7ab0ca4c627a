-- 0007 family members and caregivers of a person, with contacts.

CREATE TABLE family_members (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id        uuid NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  name             text NOT NULL,
  relationship     text NOT NULL CHECK (relationship IN ('mother', 'father', 'grandparent', 'sibling', 'aunt_uncle', 'other_relative', 'guardian', 'foster_carer', 'other')),
  phone            text,
  is_caregiver     boolean NOT NULL DEFAULT false,
  lives_with_child boolean NOT NULL DEFAULT false,
  notes            text,
  created_by       uuid REFERENCES users(id),
  created_at       timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE family_members IS 'Family members and caregivers of a person (a child), with how to reach them.';
COMMENT ON COLUMN family_members.name IS 'Personal data: the family member''s name.';
COMMENT ON COLUMN family_members.phone IS 'Personal data: contact phone (searchable by caseworkers within their scope).';
COMMENT ON COLUMN family_members.notes IS 'Personal data possible: notes on the relationship.';
CREATE INDEX family_members_person_idx ON family_members (person_id);
