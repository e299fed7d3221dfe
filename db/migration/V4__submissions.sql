-- Graded work: every submission to a lab exercise with its grade, and the answers students are
-- still working on (drafts). A lab is named by its folder (lab_id) and the digest of its files
-- (lab_version), so a stored grade says exactly what it was graded against.

CREATE TABLE submissions (
    id             bigint           GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    course_id      bigint           NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    user_id        bigint           NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    lab_id         text             NOT NULL,
    lab_version    text             NOT NULL,
    exercise_id    text             NOT NULL,
    -- 0 for a student's first submission to the exercise; also picks the variant when it changes per attempt.
    attempt        integer          NOT NULL CHECK (attempt >= 0),
    -- Chosen by the browser: a submit retried after a lost answer finds its first result instead of using an attempt.
    client_id      uuid             NOT NULL,
    answer         jsonb            NOT NULL,
    -- The grader's fraction, before the attempt penalty; points are after it.
    score          double precision NOT NULL CHECK (score >= 0 AND score <= 1),
    points         double precision NOT NULL CHECK (points >= 0),
    cells          jsonb            NOT NULL DEFAULT '[]'::jsonb,
    feedback       text             NOT NULL DEFAULT '',
    grader_version text             NOT NULL,
    submitted_at   timestamptz      NOT NULL,
    regraded_at    timestamptz,
    CONSTRAINT submissions_client_id_key UNIQUE (user_id, course_id, lab_id, exercise_id, client_id),
    -- Two submits racing for the same attempt: one of them fails instead of both counting.
    CONSTRAINT submissions_attempt_key UNIQUE (user_id, course_id, lab_id, exercise_id, attempt)
);
-- The gradebook and the regrade read a whole lab of a course; the course gradebook every lab of it.
CREATE INDEX submissions_course_lab_idx ON submissions (course_id, lab_id, user_id);

CREATE TABLE drafts (
    course_id   bigint      NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    user_id     bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    lab_id      text        NOT NULL,
    exercise_id text        NOT NULL,
    answer      jsonb       NOT NULL,
    saved_at    timestamptz NOT NULL,
    PRIMARY KEY (course_id, user_id, lab_id, exercise_id)
);
