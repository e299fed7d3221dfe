-- Accounts: who may create courses, sessions, invitations, first-start setup, login throttling,
-- and the labs each course uses.

-- May create courses. Being an instructor of one course is an enrollment; this is the global right.
ALTER TABLE users ADD COLUMN is_instructor boolean NOT NULL DEFAULT false;

-- Only the SHA-256 of a session token is stored: a copy of this table cannot be replayed as cookies.
CREATE TABLE sessions (
    token_hash  text        PRIMARY KEY,
    user_id     bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token  text        NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    remote_addr text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

-- An instructor's invitation to one course, for one email address, used at most once.
CREATE TABLE invitations (
    token_hash  text        PRIMARY KEY,
    course_id   bigint      NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    email       text        NOT NULL CHECK (email = lower(email)),
    role        text        NOT NULL CHECK (role IN ('STUDENT', 'INSTRUCTOR')),
    invited_by  bigint      REFERENCES users (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    accepted_at timestamptz
);
CREATE INDEX invitations_course_idx ON invitations (course_id);

-- The one-time link that lets the first administrator set a password; a single row at most.
CREATE TABLE admin_setup (
    singleton  boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    token_hash text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Failed and successful logins, kept in the database so every instance enforces the same limits.
CREATE TABLE login_attempts (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email        text        NOT NULL,
    remote_addr  text        NOT NULL,
    succeeded    boolean     NOT NULL,
    attempted_at timestamptz NOT NULL
);
CREATE INDEX login_attempts_email_idx ON login_attempts (email, attempted_at);
CREATE INDEX login_attempts_addr_idx ON login_attempts (remote_addr, attempted_at);

-- The labs a course uses; lab_id is the folder name of a lab under labs/.
CREATE TABLE course_labs (
    course_id bigint      NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    lab_id    text        NOT NULL,
    opens_at  timestamptz,
    due_at    timestamptz,
    PRIMARY KEY (course_id, lab_id),
    CONSTRAINT course_labs_due_after_open CHECK (opens_at IS NULL OR due_at IS NULL OR due_at > opens_at)
);
