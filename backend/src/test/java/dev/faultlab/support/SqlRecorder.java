package dev.faultlab.support;

import org.jooq.Configuration;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;

/**
 * Every statement and commit the running server sends to PostgreSQL, recorded at the JDBC level (so jOOQ queries
 * and plain prepared statements alike), with the thread that sent it. Installed into the server's jOOQ
 * configuration, through which every service gets its connections; {@link #close()} puts the original back.
 */
public final class SqlRecorder implements AutoCloseable {
    /** One round trip: a statement (with whether it ran in autocommit, i.e. as a transaction of its own) or a commit. */
    public record Sent(long thread, String sql, boolean autoCommit) {
        public boolean isCommit() {
            return sql.equals("COMMIT");
        }

        public boolean isRollback() {
            return sql.equals("ROLLBACK");
        }
    }

    private static final Set<String> EXECUTE = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
            "executeBatch", "executeLargeBatch");

    private final Configuration configuration;
    private final ConnectionProvider original;
    private final ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();

    private SqlRecorder(Configuration configuration) {
        this.configuration = configuration;
        this.original = configuration.connectionProvider();
    }

    public static SqlRecorder install(DSLContext sql) {
        SqlRecorder recorder = new SqlRecorder(sql.configuration());
        recorder.configuration.set(new ConnectionProvider() {
            @Override
            public Connection acquire() {
                return recorder.watch(recorder.original.acquire());
            }

            @Override
            public void release(Connection connection) {
                recorder.original.release(((Watched) Proxy.getInvocationHandler(connection)).connection);
            }
        });
        return recorder;
    }

    public void clear() {
        sent.clear();
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** What the one thread that sent a statement matching {@code pattern} (case-insensitive) sent, in order. */
    public List<Sent> sentByThreadThatSent(String pattern) {
        Pattern matching = Pattern.compile(pattern, Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
        long thread = sent.stream().filter(s -> matching.matcher(s.sql()).find()).map(Sent::thread).findFirst()
                .orElseThrow(() -> new AssertionError("no statement matches '" + pattern + "' among " + sent));
        return sent.stream().filter(s -> s.thread() == thread).toList();
    }

    @Override
    public void close() {
        configuration.set(original);
    }

    private Connection watch(Connection connection) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                new Watched(connection));
    }

    private void record(String sql, Connection connection) throws Exception {
        sent.add(new Sent(Thread.currentThread().getId(), sql, connection.getAutoCommit()));
    }

    /** A connection that records commits and rollbacks and hands out statements that record their executions. */
    private final class Watched implements InvocationHandler {
        final Connection connection;

        Watched(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "commit" -> record("COMMIT", connection);
                case "rollback" -> record("ROLLBACK", connection);
                default -> {
                }
            }
            Object result = call(connection, method, args);
            if (result instanceof PreparedStatement statement && args != null && args[0] instanceof String sql) {
                return statement(PreparedStatement.class, statement, sql);
            }
            if (result instanceof Statement statement) {
                return statement(Statement.class, statement, null);
            }
            return result;
        }

        private Object statement(Class<? extends Statement> type, Statement statement, String prepared) {
            return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
                if (EXECUTE.contains(method.getName())) {
                    record(prepared != null ? prepared : String.valueOf(args == null ? "batch" : args[0]), connection);
                }
                return call(statement, method, args);
            });
        }
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
