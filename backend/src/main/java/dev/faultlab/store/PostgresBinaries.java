package dev.faultlab.store;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/** Runs PostgreSQL's own programs (postgres, pg_ctl) from the binaries Zonky unpacked, the way Zonky runs them. */
final class PostgresBinaries {
    private PostgresBinaries() {
    }

    /** The command line for {@code program} with {@code arguments}. */
    static List<String> command(String program, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            // PostgreSQL refuses to run as root; Zonky runs it as an unprivileged user of a user namespace.
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(new File(folder(), "bin/" + program).getPath());
        command.addAll(arguments);
        return command;
    }

    /**
     * Where Zonky unpacked (or now unpacks) the binaries. Zonky keeps this to itself; its own method is called so the
     * folder is exactly the one it starts PostgreSQL from.
     */
    private static File folder() throws IOException {
        try {
            Method prepare = EmbeddedPostgres.class.getDeclaredMethod("prepareBinaries", PgBinaryResolver.class, File.class);
            prepare.setAccessible(true);
            return (File) prepare.invoke(null, DefaultPostgresBinaryResolver.INSTANCE, null);
        } catch (ReflectiveOperationException e) {
            throw new IOException("Cannot find the embedded PostgreSQL's binaries (has the Zonky version changed?)", e);
        }
    }
}
