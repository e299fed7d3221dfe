package dev.faultlab.sim;

/**
 * A client request handed to a process from outside the run (a REQUEST intervention, live or in the recipe):
 * "client C1 asks the cluster to write x=5". Delivered with {@link AsyncProcess#onRequest} or
 * {@link RoundProcess#onRequest}.
 *
 * @param id      numbered from 1 in the order the run receives requests, so a reply can name it
 * @param client  the process that received it
 * @param command what the client asks for, as the student typed it (e.g. {@code "x=5"})
 */
public record Request(int id, int client, String command) {
}
