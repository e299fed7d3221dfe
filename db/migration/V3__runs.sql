-- Saved simulation runs. A run is fully described by its recipe (protocol, parameters, seed,
-- fault plan, budgets): the trace is never stored, it is replayed from the recipe on demand.

CREATE TABLE runs (
    id                uuid        PRIMARY KEY,
    owner_id          bigint      REFERENCES users (id) ON DELETE CASCADE,
    course_id         bigint      REFERENCES courses (id) ON DELETE SET NULL,
    protocol          text        NOT NULL,
    recipe            jsonb       NOT NULL,
    parent_run_id     uuid        REFERENCES runs (id) ON DELETE SET NULL,
    branched_at_event bigint,
    events_reached    bigint      NOT NULL DEFAULT 0,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX runs_owner_idx ON runs (owner_id, created_at DESC);
