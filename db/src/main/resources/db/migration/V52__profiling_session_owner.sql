-- Profiling lab: which console process runs a session, so a later start can tell a session abandoned by a
-- process that died (crash, kill -9) from one another live process is still running on the same database
-- (H2 AUTO_SERVER lets a CLI `aodnn profile` and the window share it). owner_pid (V10) alone cannot: a pid is
-- reused after its process ends, and a pid of another computer means nothing here. Rows from before this
-- column have owner_host NULL. Portable DDL with unquoted names (jOOQ's DDL parser reads this file too).
ALTER TABLE profiling_session ADD COLUMN owner_host VARCHAR(255);
ALTER TABLE profiling_session ADD COLUMN owner_started_at TIMESTAMP WITH TIME ZONE;
