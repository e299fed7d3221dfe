package dev.faultlab.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultlab.run.Frames;
import dev.faultlab.run.LiveRun;
import dev.faultlab.run.RunProblem;
import dev.faultlab.run.RunService;
import dev.faultlab.run.RunSettings;
import dev.faultlab.run.StreamClient;
import dev.faultlab.run.StreamSink;
import dev.faultlab.sim.Fault;
import dev.faultlab.web.auth.Access;
import dev.faultlab.web.auth.Authn;
import dev.faultlab.web.auth.LiveSockets;
import dev.faultlab.web.auth.Viewer;
import io.javalin.config.RoutesConfig;
import io.javalin.websocket.WsContext;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;

/**
 * WebSocket /api/runs/{id}/stream: numbered event batches and status changes out, commands in.
 * A client that reconnects with {@code ?from=<last seq it saw>} gets exactly the events after it.
 * A bad command gets an error frame and the connection stays open.
 */
final class RunStream {
    static final String PATH = "/api/runs/{id}/stream";
    static final int MAX_COMMAND_CHARS = 16 * 1024;
    static final int MAX_STEP = RunSettings.MAX_STEP;
    private static final String RUN = "faultlab.run";
    private static final String CLIENT = "faultlab.stream";
    private static final Logger log = LoggerFactory.getLogger(RunStream.class);

    private RunStream() {
    }

    static void register(RoutesConfig routes, RunService runs, RunAccess access, LiveSockets sockets) {
        routes.wsBeforeUpgrade(PATH, ctx -> {
            Viewer viewer = Authn.viewer(ctx);
            access.visible(viewer, ctx.pathParam("id"));
            firstSeq(ctx.queryParam("from"));
        });
        routes.ws(PATH, ws -> {
            ws.onConnect(ctx -> {
                Viewer viewer = ctx.attribute(Authn.VIEWER);
                LiveRun run = access.visible(viewer, ctx.pathParam("id"));
                ctx.attribute(RUN, run);
                ctx.attribute(CLIENT, run.attach(new SessionSink(ctx.session), firstSeq(ctx.queryParam("from")),
                        RunAccess.mayDrive(viewer, run)));
                sockets.opened(ctx);
            });
            ws.onMessage(ctx -> handle(ctx, runs, access, sockets));
            ws.onClose(ctx -> detach(ctx, sockets));
            ws.onError(ctx -> {
                ctx.disableAutomaticPings();
                detach(ctx, sockets);
            });
        }, Access.SIGNED_IN);
    }

    /** {@code from} names the last event the client saw; it wants the next one. */
    private static int firstSeq(String from) {
        if (from == null || from.isBlank()) {
            return 0;
        }
        try {
            int last = Integer.parseInt(from.trim());
            if (last >= -1) {
                return last + 1;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("from must be the seq of the last event seen (-1 or more), got '" + from + "'.",
                Map.of("field", "from"));
    }

    private static void detach(WsContext ctx, LiveSockets sockets) {
        sockets.closed(ctx);
        LiveRun run = ctx.attribute(RUN);
        StreamClient client = ctx.attribute(CLIENT);
        if (run != null && client != null) {
            run.detach(client);
        }
    }

    private static void handle(io.javalin.websocket.WsMessageContext ctx, RunService runs, RunAccess access,
                               LiveSockets sockets) {
        LiveRun run = ctx.attribute(RUN);
        StreamClient client = ctx.attribute(CLIENT);
        // Rights are those of now, not of the upgrade: the session may have ended or the roles changed since.
        Optional<Viewer> now = sockets.viewerNow(ctx).filter(viewer -> access.canSee(viewer, run));
        if (now.isEmpty()) {
            run.reply(client, new Frames.Error("unauthenticated", "Your session has ended or you may no longer see "
                    + "this run; log in again.", null));
            ctx.closeSession(LiveSockets.SESSION_ENDED, "Your session has ended.");
            return;
        }
        Viewer viewer = now.get();
        String text = ctx.message();
        String command = null;
        try {
            if (text.length() > MAX_COMMAND_CHARS) {
                throw new CommandError("too_large", "A command may be at most " + MAX_COMMAND_CHARS
                        + " characters; this one has " + text.length() + ".");
            }
            JsonNode json = parse(text);
            command = json.path("cmd").asText(null);
            if (command == null) {
                throw new CommandError("bad_command", "Every command needs a \"cmd\": play, pause, step, speed, seek or inject.");
            }
            execute(command, json, run, client, viewer, runs);
        } catch (CommandError e) {
            run.reply(client, new Frames.Error(e.code, e.getMessage(), command));
        } catch (RunProblem e) {
            run.reply(client, new Frames.Error(e.kind() == RunProblem.Kind.INVALID ? "invalid" : e.code(),
                    e.getMessage(), command));
        } catch (ApiException e) {
            run.reply(client, new Frames.Error(e.code(), e.getMessage(), command));
        }
    }

    private static void execute(String command, JsonNode json, LiveRun run, StreamClient client, Viewer viewer,
                                RunService runs) {
        switch (command) {
            case "seek" -> run.reply(client, run.stateAt(requiredInt(json, "event", 0, Integer.MAX_VALUE)));
            case "play" -> drive(viewer, run).play();
            case "pause" -> drive(viewer, run).pause();
            case "step" -> {
                LiveRun driven = drive(viewer, run);
                if ("round".equals(json.path("to").asText(null))) {
                    driven.stepToNextRound();
                } else if (json.has("to")) {
                    throw new CommandError("invalid", "step \"to\" can only be \"round\".");
                } else {
                    driven.step(json.has("events") ? requiredInt(json, "events", 1, MAX_STEP) : 1);
                }
            }
            case "speed" -> {
                if (!json.path("eventsPerSecond").isNumber()) {
                    throw new CommandError("invalid", "speed needs \"eventsPerSecond\": a number.");
                }
                drive(viewer, run).speed(json.path("eventsPerSecond").asDouble());
            }
            case "inject" -> {
                LiveRun driven = drive(viewer, run);
                Fault fault = fault(json.path("fault"));
                Fault recorded = driven.inject(fault);
                // The FAULT event is already on its way; the reply waits for the saved recipe, off this socket's thread.
                runs.save(driven).whenComplete((saved, failure) -> {
                    if (failure == null) {
                        driven.reply(client, new Frames.Injected(recorded));
                    } else if (failure instanceof RunProblem moved) {
                        driven.reply(client, new Frames.Error(moved.code(), moved.getMessage(), "inject"));
                    } else {
                        log.error("Run {}: the injected fault could not be saved", driven.id(), failure);
                        driven.reply(client, new Frames.Error("internal",
                                "The fault was applied but could not be saved; the run may not replay it.", "inject"));
                    }
                });
            }
            default -> throw new CommandError("unknown_command", "Unknown command \"" + command
                    + "\"; use play, pause, step, speed, seek or inject.");
        }
    }

    private static LiveRun drive(Viewer viewer, LiveRun run) {
        RunAccess.requireDriver(viewer, run);
        return run;
    }

    private static Fault fault(JsonNode node) {
        if (!(node instanceof ObjectNode object)) {
            throw new CommandError("invalid", "inject needs \"fault\": {\"kind\", \"target\", \"params\"}.");
        }
        if (node.has("at") || node.has("atEvent")) {
            throw new CommandError("invalid", "An injected fault happens now: leave out \"at\" and \"atEvent\".");
        }
        try {
            Fault parsed = JsonInput.bind(object, Fault.class, "fault");
            return new Fault(0L, null, parsed.kind(), parsed.target(), parsed.params());
        } catch (ApiException | IllegalArgumentException e) {
            throw new CommandError("invalid", "The fault is not valid: " + e.getMessage());
        }
    }

    /** A command passes the same door as a request body: a JSON object, bounded depth, no NUL. */
    private static JsonNode parse(String text) {
        try {
            return JsonInput.object(text, "A command");
        } catch (ApiException e) {
            throw new CommandError(e.code().equals("malformed_json") ? "malformed_json" : "bad_command",
                    e.getMessage() + " For example {\"cmd\":\"play\"}.");
        }
    }

    private static int requiredInt(JsonNode json, String field, int min, int max) {
        JsonNode value = json.path(field);
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < min || value.asInt() > max) {
            throw new CommandError("invalid", "\"" + field + "\" must be a whole number from " + min + " to " + max + ".");
        }
        return value.asInt();
    }

    /** A command the stream refuses; answered with an error frame. */
    private static final class CommandError extends RuntimeException {
        final String code;

        CommandError(String code, String message) {
            super(message);
            this.code = code;
        }
    }

    /**
     * Frames to a Jetty WebSocket session, reporting when each has been written. Frames come as UTF-8 bytes and go to
     * Jetty's core session as they are (Javalin's sessions are Jetty's own); the API session's {@code sendText} would
     * take a String and encode it again.
     */
    private record SessionSink(Session session, CoreSession core) implements StreamSink {
        SessionSink(Session session) {
            this(session, ((WebSocketSession) session).getCoreSession());
        }

        @Override
        public void send(byte[] utf8, Runnable written) {
            if (!session.isOpen()) {
                written.run();
                return;
            }
            core.sendFrame(new Frame(OpCode.TEXT, ByteBuffer.wrap(utf8)),
                    org.eclipse.jetty.util.Callback.from(written, failure -> written.run()), false);
        }

        @Override
        public boolean isOpen() {
            return session.isOpen();
        }

        /** 4000-4999 are the application's own close codes; a browser reconnects on any close it did not ask for. */
        @Override
        public void close(String reason) {
            session.close(4009, reason.length() > 120 ? reason.substring(0, 120) : reason, Callback.NOOP);
        }
    }
}
