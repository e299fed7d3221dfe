package dev.faultlab.sim;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Checks a recipe before it runs, collecting every problem with the field it is about. */
final class RecipeValidator {
    /** The parameters each fault kind reads, so a misspelt one is refused instead of silently ignored. */
    private static final Map<FaultKind, Set<String>> KNOWN_PARAMS = knownParams();
    private static final int MAX_COMMAND_LENGTH = 200;

    private final List<RecipeException.Problem> problems = new ArrayList<>();

    private static Map<FaultKind, Set<String>> knownParams() {
        Map<FaultKind, Set<String>> known = new EnumMap<>(FaultKind.class);
        known.put(FaultKind.CRASH, Set.of("afterSends", "reaches"));
        known.put(FaultKind.RECOVER, Set.of());
        known.put(FaultKind.SEND_OMISSION, Set.of("probability", "duration"));
        known.put(FaultKind.RECEIVE_OMISSION, Set.of("probability", "duration"));
        known.put(FaultKind.TIMING, Set.of("extraDelay", "timerFactor", "duration"));
        known.put(FaultKind.LINK_DOWN, Set.of("to", "oneWay"));
        known.put(FaultKind.LINK_UP, Set.of("to", "oneWay"));
        known.put(FaultKind.LINK_LOSS, Set.of("to", "probability"));
        known.put(FaultKind.PARTITION, Set.of("groups"));
        known.put(FaultKind.HEAL, Set.of());
        known.put(FaultKind.NETWORK, Set.of("loss", "duplication", "fifo", "delay"));
        known.put(FaultKind.REQUEST, Set.of("command"));
        // BYZANTINE is missing on purpose: its parameters are the chosen behaviour's.
        return known;
    }

    /** The protocol, checked parameters and setup of a valid recipe. */
    record Checked(Protocol protocol, Params params, Setup setup) {
    }

    static Checked check(Recipe recipe, ProtocolRegistry registry) {
        RecipeValidator validator = new RecipeValidator();
        if (recipe.protocol() == null || registry.find(recipe.protocol()).isEmpty()) {
            throw new RecipeException("protocol", "unknown protocol '" + recipe.protocol() + "'; known: "
                    + registry.all().stream().map(Protocol::id).toList());
        }
        Protocol protocol = registry.find(recipe.protocol()).get();
        validator.checkBudgets(recipe.budgets());
        validator.checkNetwork(recipe.network());
        validator.throwIfAny();
        Params params = Params.check(protocol.parameters(), recipe.params(), recipe.seed());
        Setup setup = protocol.setup(params);
        if (setup.nodes() > recipe.budgets().maxNodes()) {
            // Protocols name their process count "n" by convention; the field points the student at it.
            String field = params.has("n") ? "params.n" : "params";
            throw new RecipeException(field, "the run would have " + setup.nodes()
                    + " processes; the budget allows at most " + recipe.budgets().maxNodes());
        }
        validator.checkLinks(recipe.network(), setup.nodes());
        for (int i = 0; i < recipe.faults().size(); i++) {
            validator.checkFault("faults[" + i + "]", recipe.faults().get(i), protocol, setup.nodes());
        }
        validator.throwIfAny();
        return new Checked(protocol, params, setup);
    }

    /** Checks one fault about to be injected into a running simulation. */
    static void checkInjected(Fault fault, Protocol protocol, int nodes) {
        RecipeValidator validator = new RecipeValidator();
        validator.checkFault("fault", fault, protocol, nodes);
        validator.throwIfAny();
    }

    private void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new RecipeException(problems);
        }
    }

    private void problem(String field, String message) {
        problems.add(new RecipeException.Problem(field, message));
    }

    private void checkBudgets(Budgets b) {
        if (b.maxEvents() <= 0) {
            problem("budgets.maxEvents", "must be positive");
        }
        if (b.maxTime() <= 0) {
            problem("budgets.maxTime", "must be positive");
        }
        if (b.maxWallMillis() <= 0) {
            problem("budgets.maxWallMillis", "must be positive");
        }
        if (b.maxNodes() <= 0) {
            problem("budgets.maxNodes", "must be positive");
        }
        if (b.maxTraceBytes() <= 0) {
            problem("budgets.maxTraceBytes", "must be positive");
        }
    }

    private void checkNetwork(NetworkSpec network) {
        probability("network.loss", network.loss());
        probability("network.duplication", network.duplication());
        checkDelay("network.delay", network.delay());
    }

    private void checkLinks(NetworkSpec network, int nodes) {
        for (int i = 0; i < network.links().size(); i++) {
            String field = "network.links[" + i + "]";
            LinkSpec link = network.links().get(i);
            if (link == null) {
                problem(field, "must be a link {from, to, delay, loss}");
                continue;
            }
            node(field + ".from", link.from(), nodes);
            node(field + ".to", link.to(), nodes);
            if (link.delay() != null) {
                checkDelay(field + ".delay", link.delay());
            }
            if (link.loss() != null) {
                probability(field + ".loss", link.loss());
            }
        }
    }

    private void checkDelay(String field, Delay d) {
        switch (d.kind() == null ? "" : d.kind()) {
            case "constant" -> {
                if (d.min() < 1) {
                    problem(field + ".min", "must be at least 1 tick");
                }
            }
            case "uniform" -> {
                if (d.min() < 1 || d.max() < d.min()) {
                    problem(field, "uniform delay needs 1 <= min <= max, got " + d.min() + ".." + d.max());
                }
            }
            case "exponential" -> {
                if (!(d.mean() >= 1)) {
                    problem(field + ".mean", "must be at least 1 tick");
                }
            }
            default -> problem(field + ".kind", "must be constant, uniform or exponential, got '" + d.kind() + "'");
        }
    }

    private void probability(String field, double p) {
        if (!(p >= 0 && p <= 1)) {
            problem(field, "must be a probability between 0 and 1, got " + p);
        }
    }

    private void checkFault(String field, Fault f, Protocol protocol, int nodes) {
        if (f == null || f.kind() == null) {
            problem(field + ".kind", "is required: one of " + List.of(FaultKind.values()));
            return;
        }
        if ((f.at() == null) == (f.atEvent() == null)) {
            problem(field, "needs exactly one of 'at' (virtual time) or 'atEvent' (event index)");
        } else if ((f.at() != null && f.at() < 0) || (f.atEvent() != null && f.atEvent() < 0)) {
            problem(field + (f.at() != null ? ".at" : ".atEvent"), "must not be negative");
        }
        if (f.kind().needsTarget()) {
            node(field + ".target", f.target(), nodes);
        } else if (f.target() != null) {
            problem(field + ".target", "must be left out: " + f.kind() + " acts on the whole network");
        }
        Map<String, Object> p = f.params();
        checkParamNames(field, f.kind(), p);
        switch (f.kind()) {
            case CRASH -> {
                if (p.containsKey("afterSends") && p.containsKey("reaches")) {
                    problem(field + ".params", "give afterSends or reaches, not both");
                }
                if (p.containsKey("afterSends") && !(wholeNumber(p.get("afterSends")) && ((Number) p.get("afterSends")).intValue() >= 0)) {
                    problem(field + ".params.afterSends", "must be a whole number >= 0");
                }
                if (p.containsKey("reaches")) {
                    nodeList(field + ".params.reaches", p.get("reaches"), nodes);
                }
            }
            case SEND_OMISSION, RECEIVE_OMISSION -> {
                optionalProbability(field + ".params.probability", p.get("probability"));
                optionalDuration(field, p);
            }
            case TIMING -> {
                if (!p.containsKey("extraDelay") && !p.containsKey("timerFactor")) {
                    problem(field + ".params", "TIMING needs extraDelay (ticks) or timerFactor (>= 1), or both");
                }
                if (p.containsKey("extraDelay") && !(wholeNumber(p.get("extraDelay")) && ((Number) p.get("extraDelay")).longValue() >= 0)) {
                    problem(field + ".params.extraDelay", "must be a whole number of ticks >= 0");
                }
                if (p.containsKey("timerFactor") && !(p.get("timerFactor") instanceof Number t && t.doubleValue() >= 1)) {
                    problem(field + ".params.timerFactor", "must be a number >= 1");
                }
                optionalDuration(field, p);
            }
            case BYZANTINE -> {
                checkBehaviour(field, p, protocol);
                checkLies(field + ".params.lies", p.get("lies"), nodes);
            }
            case LINK_DOWN, LINK_UP -> {
                if (node(field + ".params.to", p.get("to"), nodes) && f.target() != null
                        && ((Number) p.get("to")).intValue() == f.target()) {
                    problem(field + ".params.to", "must be another node than the target");
                }
                if (p.containsKey("oneWay") && !(p.get("oneWay") instanceof Boolean)) {
                    problem(field + ".params.oneWay", "must be true or false");
                }
            }
            case LINK_LOSS -> {
                node(field + ".params.to", p.get("to"), nodes);
                if (p.get("probability") == null) {
                    problem(field + ".params.probability", "is required: a probability between 0 and 1");
                } else {
                    requiredProbability(field + ".params.probability", p.get("probability"));
                }
            }
            case PARTITION -> checkGroups(field + ".params.groups", p.get("groups"), nodes);
            case NETWORK -> checkNetworkChange(field + ".params", p);
            case REQUEST -> {
                if (!(p.get("command") instanceof String command) || command.isBlank()) {
                    problem(field + ".params.command", "is required: the client's command as text, e.g. \"x=5\"");
                } else if (command.length() > MAX_COMMAND_LENGTH) {
                    problem(field + ".params.command", "must be at most " + MAX_COMMAND_LENGTH + " characters, got " + command.length());
                }
            }
            case RECOVER, HEAL -> {
            }
        }
    }

    private void checkParamNames(String field, FaultKind kind, Map<String, Object> p) {
        Set<String> known = KNOWN_PARAMS.get(kind);
        if (known == null) {
            return;
        }
        for (String name : new TreeSet<>(p.keySet())) {
            if (!known.contains(name)) {
                problem(field + ".params." + name, "is not a parameter of " + kind
                        + (known.isEmpty() ? ", which takes none" : "; it takes " + new TreeSet<>(known)));
            }
        }
    }

    private void checkNetworkChange(String field, Map<String, Object> p) {
        if (!p.containsKey("loss") && !p.containsKey("duplication") && !p.containsKey("fifo") && !p.containsKey("delay")) {
            problem(field, "NETWORK needs at least one of loss, duplication, fifo, delay");
        }
        if (p.containsKey("loss")) {
            requiredProbability(field + ".loss", p.get("loss"));
        }
        if (p.containsKey("duplication")) {
            requiredProbability(field + ".duplication", p.get("duplication"));
        }
        if (p.containsKey("fifo") && !(p.get("fifo") instanceof Boolean)) {
            problem(field + ".fifo", "must be true or false");
        }
        if (p.containsKey("delay")) {
            if (p.get("delay") instanceof Map<?, ?> delay) {
                checkDelay(field + ".delay", Delay.fromMap(delay));
            } else {
                problem(field + ".delay", "must be a delay {kind, min, max, mean}");
            }
        }
    }

    /** The generic part of a scripted table of lies: rows, receivers and rounds; paths are the protocol's. */
    private void checkLies(String field, Object lies, int nodes) {
        if (lies == null) {
            return;
        }
        if (!(lies instanceof List<?> rows)) {
            problem(field, "must be a list of rows {to, round, path, value}");
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            String row = field + "[" + i + "]";
            if (!(rows.get(i) instanceof Map<?, ?> lie)) {
                problem(row, "must be a row {to, round, path, value}");
                continue;
            }
            if (lie.get("to") != null) {
                node(row + ".to", lie.get("to"), nodes);
            }
            if (lie.get("round") != null && !(wholeNumber(lie.get("round")) && ((Number) lie.get("round")).intValue() >= 0)) {
                problem(row + ".round", "must be a whole number >= 0");
            }
            if (lie.get("path") != null && !(lie.get("path") instanceof String)) {
                problem(row + ".path", "must be text");
            }
            if (!lie.containsKey("value")) {
                problem(row + ".value", "is required: what the Byzantine node says instead");
            }
        }
    }

    private void requiredProbability(String field, Object value) {
        if (value instanceof Number n) {
            probability(field, n.doubleValue());
        } else {
            problem(field, "must be a probability between 0 and 1");
        }
    }

    private void checkBehaviour(String field, Map<String, Object> p, Protocol protocol) {
        Object name = p.get("behaviour");
        List<String> known = protocol.behaviours().stream().map(BehaviourSpec::name).toList();
        if (known.isEmpty()) {
            problem(field + ".kind", "protocol " + protocol.id() + " has no Byzantine behaviours");
            return;
        }
        BehaviourSpec spec = protocol.behaviours().stream().filter(b -> b.name().equals(name)).findFirst().orElse(null);
        if (spec == null) {
            problem(field + ".params.behaviour", "must be one of " + known + ", got '" + name + "'");
            return;
        }
        try {
            spec.factory().apply(p);
        } catch (RecipeException e) {
            for (RecipeException.Problem inner : e.problems()) {
                problem(field + ".params." + inner.field(), inner.message());
            }
        }
    }

    private void checkGroups(String field, Object groups, int nodes) {
        if (!(groups instanceof List<?> list) || list.isEmpty()) {
            problem(field, "is required: a list of groups, each a list of node ids");
            return;
        }
        Set<Integer> seen = new HashSet<>();
        for (int g = 0; g < list.size(); g++) {
            if (!(list.get(g) instanceof List<?> members)) {
                problem(field + "[" + g + "]", "must be a list of node ids");
                continue;
            }
            for (Object member : members) {
                if (node(field + "[" + g + "]", member, nodes) && !seen.add(((Number) member).intValue())) {
                    problem(field + "[" + g + "]", "node " + member + " is in more than one group");
                }
            }
        }
    }

    private void nodeList(String field, Object value, int nodes) {
        if (!(value instanceof List<?> list)) {
            problem(field, "must be a list of node ids");
            return;
        }
        for (Object element : list) {
            node(field, element, nodes);
        }
    }

    private boolean node(String field, Object value, int nodes) {
        if (value == null) {
            problem(field, "is required: a node id from 0 to " + (nodes - 1));
            return false;
        }
        if (!wholeNumber(value)) {
            problem(field, "must be a node id, got '" + value + "'");
            return false;
        }
        int id = ((Number) value).intValue();
        if (id < 0 || id >= nodes) {
            problem(field, "node " + id + " does not exist (n=" + nodes + ")");
            return false;
        }
        return true;
    }

    private void optionalProbability(String field, Object value) {
        if (value != null) {
            requiredProbability(field, value);
        }
    }

    private void optionalDuration(String field, Map<String, Object> p) {
        if (p.containsKey("duration") && !(wholeNumber(p.get("duration")) && ((Number) p.get("duration")).longValue() > 0)) {
            problem(field + ".params.duration", "must be a positive whole number of ticks");
        }
    }

    private static boolean wholeNumber(Object value) {
        return value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue());
    }
}
