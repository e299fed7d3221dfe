-- Searches of the explorer (docs/SIMULATION.md, "Searches on the server"): who asked, from which run, with which
-- bounds and property, how far the search got and what it found. A finished result outlives the server; a search
-- that was queued or running when its instance went away is marked INTERRUPTED by the next instance that starts.
CREATE TABLE searches (
    id                  uuid        PRIMARY KEY,
    owner_id            bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- The course of the run it started from: the counterexample run is filed there too, for its instructors.
    course_id           bigint      REFERENCES courses (id) ON DELETE SET NULL,
    run_id              uuid        REFERENCES runs (id) ON DELETE SET NULL,
    protocol            text        NOT NULL,
    recipe              jsonb       NOT NULL,
    bounds              jsonb       NOT NULL,
    -- Null (and goal null): any of the protocol's monitors.
    property            text,
    -- A goal of the protocol to reach instead of a property to break.
    goal                text        CHECK (goal IS NULL OR property IS NULL),
    status              text        NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'FOUND', 'EXHAUSTED', 'BOUNDED',
                                                               'CANCELLED', 'INTERRUPTED', 'FAILED')),
    -- The instance that runs (or queues) it while it is QUEUED or RUNNING: see runs.live_on in V6.
    live_on             integer,
    explored            bigint      NOT NULL DEFAULT 0,
    distinct_states     bigint      NOT NULL DEFAULT 0,
    depth               integer     NOT NULL DEFAULT 0,
    elapsed_ms          bigint      NOT NULL DEFAULT 0,
    counterexample      jsonb,
    violation_property  text,
    violation_at        integer,
    violation_text      text,
    steps               integer,
    by_probe            boolean,
    pruned              boolean,
    -- Why a search FAILED or was INTERRUPTED, in words.
    note                text,
    created_at          timestamptz NOT NULL DEFAULT now(),
    finished_at         timestamptz
);
CREATE INDEX searches_owner_idx ON searches (owner_id, created_at DESC);
CREATE INDEX searches_live_on_idx ON searches (live_on) WHERE live_on IS NOT NULL;
