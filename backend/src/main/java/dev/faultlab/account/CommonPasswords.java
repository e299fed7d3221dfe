package dev.faultlab.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The passwords people use most, which an attacker tries first; NIST SP 800-63B asks services to refuse them.
 * The list is zxcvbn4j's (com.nulab-inc:zxcvbn, MIT licence): the 30,000 most frequent passwords of a large corpus
 * of leaked ones. Compared without regard to case, as guessing tools also try the variants in case.
 */
final class CommonPasswords {
    static final String RESOURCE = "/com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt";

    private CommonPasswords() {
    }

    static boolean contains(String password) {
        return Holder.PASSWORDS.contains(password.toLowerCase(Locale.ROOT));
    }

    static int size() {
        return Holder.PASSWORDS.size();
    }

    /** Loaded at first use, not at class loading of every account class. */
    private static final class Holder {
        static final Set<String> PASSWORDS = load();

        private static Set<String> load() {
            try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("The list of common passwords " + RESOURCE
                            + " is missing from the classpath (dependency com.nulab-inc:zxcvbn)");
                }
                return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                        .map(String::strip).filter(line -> !line.isEmpty())
                        .map(line -> line.toLowerCase(Locale.ROOT))
                        .collect(Collectors.toUnmodifiableSet());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
