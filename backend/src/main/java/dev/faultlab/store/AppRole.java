package dev.faultlab.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The role FaultLab connects to its embedded PostgreSQL as: it may log in and owns the schema public with everything
 * in it, and nothing else; it is no superuser, so it cannot read files, run programs or make itself one. Applied at
 * every start, so a data folder from an earlier version (tables owned by the superuser) is handed over too.
 */
final class AppRole {
    static final String NAME = "faultlab";

    private AppRole() {
    }

    static void provision(DataSource superuser, String password) {
        try (Connection connection = superuser.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + NAME + "') THEN "
                    + "CREATE ROLE " + NAME + "; END IF; END $$");
            // The password is hex (EmbeddedCredentials): nothing in it needs quoting.
            sql.execute("ALTER ROLE " + NAME + " WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION "
                    + "NOBYPASSRLS PASSWORD '" + password + "'");
            sql.execute("ALTER SCHEMA public OWNER TO " + NAME);
            sql.execute("""
                    DO $$ DECLARE r record; BEGIN
                      FOR r IN SELECT c.oid::regclass AS object FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                               WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
                                 AND c.relowner <> '%1$s'::regrole LOOP
                        EXECUTE format('ALTER TABLE %%s OWNER TO %1$s', r.object);
                      END LOOP;
                      -- after the tables, whose own sequences changed owner with them
                      FOR r IN SELECT c.oid::regclass AS object FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                               WHERE n.nspname = 'public' AND c.relkind = 'S' AND c.relowner <> '%1$s'::regrole LOOP
                        EXECUTE format('ALTER SEQUENCE %%s OWNER TO %1$s', r.object);
                      END LOOP;
                      FOR r IN SELECT p.oid::regprocedure AS object FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                               WHERE n.nspname = 'public' AND p.proowner <> '%1$s'::regrole LOOP
                        EXECUTE format('ALTER ROUTINE %%s OWNER TO %1$s', r.object);
                      END LOOP;
                      FOR r IN SELECT t.oid::regtype AS object FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                               WHERE n.nspname = 'public' AND t.typtype IN ('e', 'r') AND t.typowner <> '%1$s'::regrole LOOP
                        EXECUTE format('ALTER TYPE %%s OWNER TO %1$s', r.object);
                      END LOOP;
                      FOR r IN SELECT t.oid::regtype AS object FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                               WHERE n.nspname = 'public' AND t.typtype = 'd' AND t.typowner <> '%1$s'::regrole LOOP
                        EXECUTE format('ALTER DOMAIN %%s OWNER TO %1$s', r.object);
                      END LOOP;
                    END $$""".formatted(NAME));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set up the database role '" + NAME + "': " + e.getMessage(), e);
        }
    }
}
