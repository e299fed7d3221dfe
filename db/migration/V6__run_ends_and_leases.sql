-- Runs that survive a crash and a second instance.

-- Where a run ended and why. A replay of the recipe ends at this event with this reason even when the
-- reason depends on the machine (budget.wall: the computing time it was allowed), so a reopened run is
-- the same run. Null while the run has not ended.
ALTER TABLE runs
    ADD COLUMN end_event   bigint,
    ADD COLUMN end_code    text,
    ADD COLUMN end_message text,
    ADD CONSTRAINT runs_end_complete CHECK ((end_event IS NULL) = (end_code IS NULL)
                                            AND (end_event IS NULL) = (end_message IS NULL));

-- Every server instance that starts takes the next number. For as long as it lives it holds the
-- session-level advisory lock (1180001, number) on a connection of its own, so another instance knows at
-- once, without timeouts or clocks, whether it is still there: the lock goes when its process or its
-- connection does.
CREATE SEQUENCE server_instance_numbers AS integer;

-- The instance that holds the run live (computes it, streams it, saves it), or null when none does. A run
-- has one at a time: another instance takes it only when it is null or that instance is gone, and an
-- instance writes a run only while it is still the one named here.
ALTER TABLE runs ADD COLUMN live_on integer;
CREATE INDEX runs_live_on_idx ON runs (live_on) WHERE live_on IS NOT NULL;
