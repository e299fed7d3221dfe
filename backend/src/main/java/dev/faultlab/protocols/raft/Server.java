package dev.faultlab.protocols.raft;

import java.util.Arrays;
import dev.faultlab.sim.AsyncProcess;
import dev.faultlab.sim.Context;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.StateDisplay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A Raft server: follower, candidate or leader in its current term. currentTerm, votedFor and the log are
 * in stable storage ({@link PersistentState}) and written before anything that depends on them is sent;
 * the commit index, the role and the leader's bookkeeping are volatile and start afresh after a crash.
 */
final class Server implements AsyncProcess {
    /** Rows of the log shown in the state display; older ones are counted, not listed. */
    static final int LOG_ROWS = 50;

    private final RaftConfig config;
    private final int initialTerm;
    private final List<Entry> initialLog;
    private PersistentState persistent;
    private Role role = Role.FOLLOWER;
    /** The leader of the current term as far as this server knows, or -1. */
    private int leader = -1;
    private int commitIndex;
    private final StateMachine machine = new StateMachine();
    private final TreeSet<Integer> votes = new TreeSet<>();
    private Replication replication;
    /** Index of the latest entry of each client in the log, to recognise a retransmitted request (by key only). */
    private final Map<Integer, Integer> latestOfClient = new HashMap<>();

    Server(RaftConfig config, int initialTerm, List<Entry> initialLog) {
        this.config = config;
        this.initialTerm = initialTerm;
        this.initialLog = initialLog;
    }

    @Override
    public void onStart(Context ctx) {
        persistent = PersistentState.start(ctx.stable(), initialTerm, initialLog);
        indexClients(initialLog);
        ctx.stateChanged("follower in term " + initialTerm + (initialLog.isEmpty() ? ", empty log"
                : ", log of " + initialLog.size() + " entries (last term " + Logs.lastTerm(initialLog) + ")"));
        Timers.election(ctx, config);
    }

    @Override
    public void onRecover(Context ctx) {
        if (!PersistentState.written(ctx.stable())) {
            // Crashed before it ever started: nothing was stored, so it starts as a fresh server would.
            onStart(ctx);
            return;
        }
        persistent = PersistentState.recover(ctx.stable());
        indexClients(persistent.log());
        ctx.stateChanged("recovered as follower: term " + persistent.term() + ", voted for "
                + (persistent.votedFor() == null ? "nobody" : ProcessLabel.of(persistent.votedFor())) + ", " + persistent.lastIndex()
                + " log entries; commit index 0 until a leader tells more");
        Timers.election(ctx, config);
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        if (message instanceof RequestVote request) {
            onRequestVote(ctx, from, request);
        } else if (message instanceof VoteReply reply) {
            onVoteReply(ctx, from, reply);
        } else if (message instanceof AppendEntries append) {
            onAppendEntries(ctx, from, append);
        } else if (message instanceof AppendReply reply) {
            onAppendReply(ctx, from, reply);
        } else if (message instanceof ClientRequest request) {
            onClientRequest(ctx, from, request);
        }
    }

    @Override
    public void onTimer(Context ctx, String timer) {
        if (timer.equals(Timers.ELECTION) && role != Role.LEADER) {
            startElection(ctx);
        } else if (timer.equals(Timers.HEARTBEAT) && role == Role.LEADER) {
            replicateToAll(ctx);
            Timers.set(ctx, config, Timers.HEARTBEAT, config.heartbeat());
        }
    }

    // ---------------------------------------------------------------- election

    private void startElection(Context ctx) {
        int term = persistent.term() + 1;
        persistent.newTerm(term);
        persistent.vote(ctx.self());
        role = Role.CANDIDATE;
        leader = -1;
        votes.clear();
        votes.add(ctx.self());
        ctx.stateChanged("election timeout: candidate for term " + term + ", votes for itself");
        Timers.election(ctx, config);
        if (votes.size() >= config.majority()) {
            becomeLeader(ctx);
            return;
        }
        RequestVote request = new RequestVote(term, ctx.self(), persistent.lastIndex(), persistent.lastTerm());
        for (int server = 0; server < config.servers(); server++) {
            if (server != ctx.self()) {
                ctx.send(server, request);
            }
        }
    }

    private void onRequestVote(Context ctx, int from, RequestVote request) {
        adoptNewerTerm(ctx, request.term());
        int term = persistent.term();
        boolean granted = false;
        if (request.term() < term) {
            ctx.note("refuses " + ProcessLabel.of(from) + ": its term " + request.term() + " is older than " + term);
        } else if (persistent.votedFor() != null && persistent.votedFor() != request.candidate()) {
            ctx.note("refuses " + ProcessLabel.of(from) + ": already voted for " + ProcessLabel.of(persistent.votedFor()) + " in term " + term);
        } else if (config.upToDateCheck() && !VoteRule.atLeastAsUpToDate(request.lastLogTerm(), request.lastLogIndex(),
                persistent.lastTerm(), persistent.lastIndex())) {
            ctx.note("refuses " + ProcessLabel.of(from) + ": " + VoteRule.refusal(request, persistent.lastTerm(), persistent.lastIndex()));
        } else {
            granted = true;
            persistent.vote(request.candidate());
            ctx.stateChanged("votes for " + ProcessLabel.of(request.candidate()) + " in term " + term);
            Timers.election(ctx, config);
        }
        ctx.send(from, new VoteReply(term, granted));
    }

    private void onVoteReply(Context ctx, int from, VoteReply reply) {
        adoptNewerTerm(ctx, reply.term());
        if (role != Role.CANDIDATE || reply.term() != persistent.term() || !reply.granted()) {
            return;
        }
        votes.add(from);
        if (votes.size() >= config.majority()) {
            becomeLeader(ctx);
        }
    }

    private void becomeLeader(Context ctx) {
        role = Role.LEADER;
        leader = ctx.self();
        replication = new Replication(ctx.self(), config.servers(), persistent.lastIndex());
        ctx.cancelTimer(Timers.ELECTION);
        ctx.stateChanged("leader of term " + persistent.term() + " with votes of " + names(votes));
        replicateToAll(ctx);
        Timers.set(ctx, config, Timers.HEARTBEAT, config.heartbeat());
    }

    /** Any message of a newer term makes this server a follower in that term, before it does anything else. */
    private void adoptNewerTerm(Context ctx, int term) {
        if (term > persistent.term()) {
            persistent.newTerm(term);
            Role was = role;
            role = Role.FOLLOWER;
            leader = -1;
            replication = null;
            if (was != Role.FOLLOWER) {
                ctx.stateChanged(was.name().toLowerCase() + " steps down: term " + term + " is newer");
                Timers.election(ctx, config);
            }
        }
    }

    // ---------------------------------------------------------------- replication

    private void onAppendEntries(Context ctx, int from, AppendEntries append) {
        adoptNewerTerm(ctx, append.term());
        int term = persistent.term();
        if (append.term() < term) {
            ctx.send(from, new AppendReply(term, false, 0));
            return;
        }
        if (role != Role.FOLLOWER) {
            ctx.stateChanged("candidate steps down: " + ProcessLabel.of(from) + " is leader of term " + term);
            role = Role.FOLLOWER;
        }
        leader = from;
        Timers.election(ctx, config);
        if (append.prevLogIndex() > persistent.lastIndex() || persistent.termAt(append.prevLogIndex()) != append.prevLogTerm()) {
            int hint = Math.min(append.prevLogIndex() - 1, persistent.lastIndex());
            ctx.send(from, new AppendReply(term, false, hint));
            return;
        }
        merge(append.entries());
        int match = append.prevLogIndex() + append.entries().size();
        if (append.leaderCommit() > commitIndex) {
            applyUpTo(ctx, Math.min(append.leaderCommit(), match));
        }
        ctx.send(from, new AppendReply(term, true, match));
    }

    /** Appends what the follower lacks; an entry that conflicts (same index, other term) goes, with all after it. */
    private void merge(List<Entry> entries) {
        for (Entry entry : entries) {
            if (entry.index() <= persistent.lastIndex()) {
                if (persistent.termAt(entry.index()) == entry.term()) {
                    continue;
                }
                persistent.truncate(entry.index() - 1);
            }
            persistent.append(entry);
            if (entry.fromClient()) {
                latestOfClient.put(entry.client(), entry.index());
            }
        }
    }

    private void onAppendReply(Context ctx, int from, AppendReply reply) {
        adoptNewerTerm(ctx, reply.term());
        if (role != Role.LEADER || reply.term() != persistent.term()) {
            return;
        }
        if (reply.success()) {
            replication.acknowledged(from, reply.index());
            int committed = replication.commitIndex(persistent.log(), persistent.term(), commitIndex, config.majority());
            if (committed > commitIndex) {
                applyUpTo(ctx, committed);
            }
        } else {
            replication.refused(from, reply.index());
            ctx.send(from, replication.messageFor(from, persistent.term(), persistent.log(), commitIndex));
        }
    }

    private void replicateToAll(Context ctx) {
        for (int server = 0; server < config.servers(); server++) {
            if (server != ctx.self()) {
                ctx.send(server, replication.messageFor(server, persistent.term(), persistent.log(), commitIndex));
            }
        }
    }

    /** Commits and applies every entry up to {@code index}; the leader answers the clients whose requests they are. */
    private void applyUpTo(Context ctx, int index) {
        for (int i = commitIndex + 1; i <= index; i++) {
            Entry entry = persistent.entry(i);
            machine.apply(entry);
            commitIndex = i;
            ctx.output(new Output.Commit(i, entry));
            if (role == Role.LEADER && entry.fromClient()) {
                answer(ctx, entry);
            }
        }
    }

    // ---------------------------------------------------------------- clients

    private void onClientRequest(Context ctx, int from, ClientRequest request) {
        if (role != Role.LEADER) {
            ctx.send(from, new Redirect(request.seq(), leader));
            return;
        }
        Integer latest = latestOfClient.get(request.client());
        if (latest != null && latest <= persistent.lastIndex() && persistent.entry(latest).sameRequest(request.client(), request.seq())) {
            if (latest <= commitIndex) {
                answer(ctx, persistent.entry(latest));
            }
            return;
        }
        Entry entry = new Entry(persistent.lastIndex() + 1, persistent.term(), request.op(), request.client(), request.seq());
        persistent.append(entry);
        latestOfClient.put(entry.client(), entry.index());
        ctx.stateChanged("appends #" + entry.index() + " " + entry.op() + " (term " + entry.term() + ")");
        int committed = replication.commitIndex(persistent.log(), persistent.term(), commitIndex, config.majority());
        if (committed > commitIndex) {
            applyUpTo(ctx, committed);
        }
        replicateToAll(ctx);
    }

    /** The leader tells the client its request is committed, and hands the answer to the environment. */
    private void answer(Context ctx, Entry entry) {
        ctx.send(entry.client(), new ClientReply(entry.seq(), entry.index()));
        ctx.output(new Output.Reply(entry.client(), entry.seq(), entry.op() + " committed at #" + entry.index()));
    }

    private void indexClients(List<Entry> entries) {
        for (Entry entry : entries) {
            if (entry.fromClient()) {
                latestOfClient.put(entry.client(), entry.index());
            }
        }
    }

    // ---------------------------------------------------------------- state display

    @Override
    public Object fingerprint() {
        return Arrays.asList(role, leader, commitIndex, machine.fingerprint(), List.copyOf(votes),
                replication == null ? null : replication.fingerprint(), Map.copyOf(latestOfClient));
    }

    @Override
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>(fields());
        view.put("log", log().asMaps());
        if (role == Role.CANDIDATE) {
            view.put("votes", names(votes));
        }
        if (replication != null) {
            view.put("followers", replication.table().asMaps());
        }
        view.put("store", machine.view());
        return view;
    }

    @Override
    public StateDisplay display() {
        List<StateDisplay.Section> sections = new ArrayList<>();
        sections.add(new StateDisplay.Fields("Server", fields()));
        if (role == Role.CANDIDATE) {
            sections.add(new StateDisplay.Set("Votes received", new ArrayList<>(names(votes))));
        }
        sections.add(log());
        if (replication != null) {
            sections.add(replication.table());
        }
        sections.add(new StateDisplay.Fields("Key-value store", new LinkedHashMap<>(machine.view())));
        return new StateDisplay(sections);
    }

    private Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("role", role.name());
        fields.put("term", persistent == null ? initialTerm : persistent.term());
        fields.put("votedFor", persistent == null || persistent.votedFor() == null ? null : ProcessLabel.of(persistent.votedFor()));
        fields.put("leader", leader < 0 ? null : ProcessLabel.of(leader));
        fields.put("commitIndex", commitIndex);
        int older = entries().size() - LOG_ROWS;
        if (older > 0) {
            fields.put("olderEntries", older);
        }
        return fields;
    }

    private List<Entry> entries() {
        return persistent == null ? initialLog : persistent.log();
    }

    private StateDisplay.Table log() {
        return LogTable.table("Log", entries(), commitIndex, LOG_ROWS);
    }

    private static List<String> names(Iterable<Integer> ids) {
        List<String> names = new ArrayList<>();
        ids.forEach(id -> names.add(ProcessLabel.of(id)));
        return names;
    }
}
