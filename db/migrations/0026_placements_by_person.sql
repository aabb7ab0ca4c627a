-- 0026 A child's placements by person and facility: a capitation claim asks, for each enrolled
-- child, whether they live in (or have left) the orphanage that claims them; without this index
-- each of a month's 117,000 lines looked through every placement.
CREATE INDEX placements_person_facility_idx ON placements (person_id, facility_id);
