package dev.faultlab.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@link LoadServer} started as a child JVM with this JVM's class path. Its log (standard output) goes straight
 * to a file: were it piped through this JVM, a busy load generator reading the pipe late would block the server's
 * logging threads and slow the very server it measures. Replies come on its standard error.
 */
final class ServerProcess implements AutoCloseable {
    /**
     * CPU time used by the server so far, heap in use and resident memory, and the CPU time of its embedded
     * PostgreSQL (-1 if none), all as the server measured them.
     */
    record Stats(long cpuNanos, long usedHeap, long residentBytes, long postgresCpuNanos) {
    }

    private final Process process;
    private final PrintWriter commands;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final Path log;
    private final int port;

    private ServerProcess(Process process, Path log) throws Exception {
        this.process = process;
        this.log = log;
        this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readReplies, "server-output");
        reader.setDaemon(true);
        reader.start();
        this.port = Integer.parseInt(reply("port "));
    }

    /** Starts the server with the JVM's default options, as {@code ./faultlab} does, and waits until it serves. */
    static ServerProcess start(Path log, String... serverArgs) throws Exception {
        return start(log, List.of(), serverArgs);
    }

    /** Starts the server with these JVM options (as {@code JAVA_OPTS} gives {@code ./faultlab}) and waits until it serves. */
    static ServerProcess start(Path log, List<String> jvmOptions, String... serverArgs) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), LoadServer.class.getName()));
        command.addAll(List.of(serverArgs));
        Process process = new ProcessBuilder(command).redirectOutput(log.toFile()).start();
        return new ServerProcess(process, log);
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    Stats stats() throws Exception {
        return ask("stats");
    }

    Stats statsAfterGc() throws Exception {
        return ask("gc");
    }

    private Stats ask(String command) throws Exception {
        commands.println(command);
        String[] parts = reply("stats ").split(" ");
        return new Stats(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]), Long.parseLong(parts[3]));
    }

    /** The next reply line starting with {@code prefix}, without it. */
    private String reply(String prefix) throws Exception {
        String line = replies.poll(120, TimeUnit.SECONDS);
        if (line == null || !line.startsWith(prefix)) {
            throw new IllegalStateException("the server did not answer '" + prefix.trim() + "' (got " + line + "); see " + log);
        }
        return line.substring(prefix.length());
    }

    private void readReplies() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(LoadServer.REPLY)) {
                    replies.add(line.substring(LoadServer.REPLY.length()));
                } else {
                    System.err.println("server: " + line);
                }
            }
        } catch (IOException e) {
            replies.add("output lost: " + e.getMessage());
        }
    }

    @Override
    public void close() throws InterruptedException {
        commands.println("stop");
        commands.close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
