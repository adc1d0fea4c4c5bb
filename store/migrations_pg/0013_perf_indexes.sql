-- Issue 18: the book's search bounded to the shown year. A year's dossiers have ids in one
-- range (ids grow with intake); its ends come from this index in two seeks, and the full-text
-- match is limited to that range (store/book.go), so a typed key costs what one year costs,
-- not the whole history.
CREATE INDEX dossiers_year_id ON dossiers(book_year, id);
