-- 0023 the blocking-key index of record linkage updated by each insert itself, as the case name
-- index is (0008): with GIN's pending list, every few thousand new person records one insert
-- had to merge the whole list into the index, and on the embedded database everyone else's
-- requests waited seconds behind it (4-5 s, every 8,000 rows of a 117,000-row case import).
ALTER INDEX persons_link_keys_idx SET (fastupdate = off);
