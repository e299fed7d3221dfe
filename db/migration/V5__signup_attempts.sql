-- Sign-ups per network address, kept in the database so every instance enforces the same limit.
-- An attempt is written refused before its join code or invitation is looked at, and marked accepted
-- afterwards; an address that keeps guessing codes is slowed down (docs/SECURITY.md, "Rate limits").
CREATE TABLE signup_attempts (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    remote_addr  text        NOT NULL,
    accepted     boolean     NOT NULL DEFAULT false,
    attempted_at timestamptz NOT NULL
);
CREATE INDEX signup_attempts_addr_idx ON signup_attempts (remote_addr, attempted_at);

-- The per-(address, account) login limit looks rows up by both.
CREATE INDEX login_attempts_email_addr_idx ON login_attempts (email, remote_addr, attempted_at);
