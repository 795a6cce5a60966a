-- Issue 16: each measure a decision promises becomes a duty REALISE_MEASURE whose label is the measure's own words
-- (Wkkgz art. 17 lid 1: the decision names the measures and the term of each). Up to 500 characters, as the decision
-- form allows; the regulation's own labels stay far below that.
ALTER TABLE obligation MODIFY COLUMN label VARCHAR(500) NOT NULL DEFAULT '';
