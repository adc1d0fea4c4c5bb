-- Issue 18: the book's search bounded to the shown year. A year's dossiers have ids in one
-- range (ids grow with intake); its ends come from this index in two seeks, and the full-text
-- match is limited to that range (store/book.go), so a typed key costs what one year costs,
-- not the whole history. Partial on an always-true condition that only that lookup states
-- (as dossiers_book_officials in 0008): as a plain index the planner took it for other filters
-- of a year (by official: each of the year's rows read from the table to count them).
CREATE INDEX dossiers_year_id ON dossiers(book_year, id) WHERE id > 0;
