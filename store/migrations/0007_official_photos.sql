-- An official's photo (JPEG, at most 400×400), shown to citizens on the kiosk's rating screen.
ALTER TABLE officials ADD COLUMN photo BLOB;
