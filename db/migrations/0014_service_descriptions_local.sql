-- A service's description in the country's local language (Bangla in Bangladesh), beside the
-- English one: readers see the one in their language (the names already had name_local).
ALTER TABLE services ADD COLUMN description_local text;
