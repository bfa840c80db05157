-- Profiling lab: what a session ran on and how far it got, so an interrupted session can be judged
-- without its browser. Portable DDL with unquoted names (jOOQ's DDL parser reads this file too).
ALTER TABLE profiling_session ADD COLUMN platform VARCHAR(120);
-- The console process running the session: a session still 'running' whose process is gone was abandoned.
ALTER TABLE profiling_session ADD COLUMN owner_pid BIGINT;
ALTER TABLE profiling_session ADD COLUMN user_agent VARCHAR(1000);
ALTER TABLE profiling_session ADD COLUMN hardware_concurrency INTEGER;
ALTER TABLE profiling_session ADD COLUMN cross_origin_isolated BOOLEAN;
ALTER TABLE profiling_session ADD COLUMN download_mb_per_s DOUBLE PRECISION;
ALTER TABLE profiling_session ADD COLUMN layers_planned INTEGER;
ALTER TABLE profiling_session ADD COLUMN layers_measured INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE profiling_session ADD COLUMN layers_skipped INTEGER DEFAULT 0 NOT NULL;
-- What each backend reported when it started (threads, SIMD) and which layers got no row, and why.
ALTER TABLE profiling_session ADD COLUMN backends_json CLOB;
ALTER TABLE profiling_session ADD COLUMN skipped_json CLOB;
