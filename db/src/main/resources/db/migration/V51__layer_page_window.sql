-- Profiling lab II (phones): the wall-clock window of a layer's timed runs as the page reported it (µs since
-- the epoch on the browser's clock, warm-ups excluded), stored with the row it belongs to so energy can be
-- attributed to the window the page actually timed. NULL for rows that did not come from a page that reports
-- windows (imported CSVs, sessions recorded before this column existed): those fall back to a derived window.
-- Portable DDL with unquoted names (jOOQ's DDL parser reads this file too).
ALTER TABLE layer_measurement ADD COLUMN window_start_us BIGINT;
ALTER TABLE layer_measurement ADD COLUMN window_end_us BIGINT;
