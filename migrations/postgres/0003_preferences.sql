-- The interface language each person chose, so it follows them to any browser.
ALTER TABLE users ADD COLUMN ui_lang TEXT;
