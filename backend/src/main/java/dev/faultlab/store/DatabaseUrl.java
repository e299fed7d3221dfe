package dev.faultlab.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where an external PostgreSQL is and who to connect as, from DATABASE_URL.
 * Accepts the JDBC form ({@code jdbc:postgresql://host:5432/db?...}) and the
 * {@code postgres://user:password@host:5432/db?sslmode=require} form that hosting services hand out.
 * A user or password given separately wins over one inside the URL.
 */
public record DatabaseUrl(String jdbcUrl, Optional<String> user, Optional<String> password) {

    public static DatabaseUrl parse(String url, Optional<String> user, Optional<String> password) {
        if (url.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(url, user, password);
        }
        if (!url.startsWith("postgres://") && !url.startsWith("postgresql://")) {
            throw new IllegalArgumentException(
                    "DATABASE_URL must start with jdbc:postgresql:, postgres:// or postgresql://, got '" + redact(url) + "'");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("DATABASE_URL is not a valid URL: " + e.getReason());
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("DATABASE_URL names no host: '" + redact(url) + "'");
        }
        String database = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : uri.getPath().substring(1);
        String jdbc = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                + "/" + database + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String[] userInfo = uri.getRawUserInfo() == null ? new String[0] : uri.getRawUserInfo().split(":", 2);
        Optional<String> urlUser = userInfo.length > 0 ? Optional.of(decode(userInfo[0])).filter(s -> !s.isEmpty())
                : Optional.empty();
        Optional<String> urlPassword = userInfo.length > 1 ? Optional.of(decode(userInfo[1])) : Optional.empty();
        return new DatabaseUrl(jdbc, user.or(() -> urlUser), password.or(() -> urlPassword));
    }

    /** The URL as it may appear in a log or an error: without credentials. */
    public static String redact(String url) {
        return url.replaceAll("//[^/@]*@", "//***@");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + jdbcUrl + ", user=" + user.orElse("(none)") + "]";
    }
}
