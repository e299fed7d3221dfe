package dev.faultlab.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Checks a recipe before it runs, collecting every problem with the field it is about. */
final class RecipeValidator {
    private final List<RecipeException.Problem> problems = new ArrayList<>();

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
        for (int i = 0; i < recipe.schedule().size(); i++) {
            Integer choice = recipe.schedule().get(i);
            if (choice == null || choice < 0) {
                validator.problem("schedule[" + i + "]", "must be the index of an enabled item (a whole number >= 0)");
            }
        }
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
                if (d.min() < 1 || d.min() > FaultKind.MAX_TICKS) {
                    problem(field + ".min", "must be from 1 to " + FaultKind.MAX_TICKS + " ticks");
                }
            }
            case "uniform" -> {
                if (d.min() < 1 || d.max() < d.min() || d.max() > FaultKind.MAX_TICKS) {
                    problem(field, "uniform delay needs 1 <= min <= max <= " + FaultKind.MAX_TICKS + ", got " + d.min() + ".." + d.max());
                }
            }
            case "exponential" -> {
                if (!(d.mean() >= 1 && d.mean() <= FaultKind.MAX_TICKS)) {
                    problem(field + ".mean", "must be from 1 to " + FaultKind.MAX_TICKS + " ticks");
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
        InterventionSpec spec = f.kind().spec();
        checkParamNames(field, spec, p);
        for (InterventionParam param : spec.params()) {
            checkParam(field + ".params." + param.name(), param, p.get(param.name()), nodes);
        }
        switch (f.kind()) {
            case CRASH -> {
                if (p.containsKey("afterSends") && p.containsKey("reaches")) {
                    problem(field + ".params", "give afterSends or reaches, not both");
                }
            }
            case TIMING -> {
                if (!p.containsKey("extraDelay") && !p.containsKey("timerFactor")) {
                    problem(field + ".params", "TIMING needs extraDelay (ticks) or timerFactor (>= 1), or both");
                }
            }
            case BYZANTINE -> checkBehaviour(field, p, protocol, nodes);
            case LINK_DOWN, LINK_UP -> {
                if (p.get("to") instanceof Number to && f.target() != null && to.intValue() == f.target()) {
                    problem(field + ".params.to", "must be another node than the target");
                }
            }
            case NETWORK -> {
                if (p.isEmpty()) {
                    problem(field + ".params", "NETWORK needs at least one of loss, duplication, fifo, delay");
                }
            }
            default -> {
            }
        }
    }

    /** A BYZANTINE fault's parameters beyond its behaviour are the behaviour's, which checks them itself. */
    private void checkParamNames(String field, InterventionSpec spec, Map<String, Object> p) {
        if (spec.kind() == FaultKind.BYZANTINE) {
            return;
        }
        Set<String> known = new TreeSet<>();
        spec.params().forEach(param -> known.add(param.name()));
        for (String name : new TreeSet<>(p.keySet())) {
            if (!known.contains(name)) {
                problem(field + ".params." + name, "is not a parameter of " + spec.kind()
                        + (known.isEmpty() ? ", which takes none" : "; it takes " + known));
            }
        }
    }

    /** One parameter against its spec: present if required, of its type, within its range. */
    private void checkParam(String field, InterventionParam param, Object value, int nodes) {
        if (value == null) {
            if (param.required() && param.type() == InterventionParam.Type.NODE) {
                node(field, null, nodes);
            } else if (param.required() && param.type() == InterventionParam.Type.GROUPS) {
                checkGroups(field, null, nodes);
            } else if (param.required()) {
                problem(field, "is required: " + param.label());
            }
            return;
        }
        switch (param.type()) {
            case INT -> {
                if (!wholeNumber(value) || !within(param, ((Number) value).doubleValue())) {
                    problem(field, "must be a whole number from " + param.min() + " to " + param.max() + ", got " + value);
                }
            }
            case NUMBER -> {
                if (!(value instanceof Number n) || !within(param, n.doubleValue())) {
                    problem(field, "must be a number from " + param.min() + " to " + param.max() + ", got " + value);
                }
            }
            case PROBABILITY -> requiredProbability(field, value);
            case NODE -> node(field, value, nodes);
            case NODES -> nodeList(field, value, nodes);
            case GROUPS -> checkGroups(field, value, nodes);
            case BOOLEAN -> {
                if (!(value instanceof Boolean)) {
                    problem(field, "must be true or false");
                }
            }
            case TEXT -> {
                if (!(value instanceof String text) || text.isBlank()) {
                    problem(field, "must be text: " + param.label());
                } else if (param.max() != null && text.length() > param.max().intValue()) {
                    problem(field, "must be at most " + param.max() + " characters, got " + text.length());
                }
            }
            case BEHAVIOUR -> {
                if (!(value instanceof String)) {
                    problem(field, "must be the name of a behaviour");
                }
            }
            case DELAY -> {
                if (value instanceof Map<?, ?> delay) {
                    checkDelay(field, Delay.fromMap(delay));
                } else {
                    problem(field, "must be a delay {kind, min, max, mean}");
                }
            }
            case MESSAGE -> {
                if (!(wholeNumber(value) && ((Number) value).doubleValue() >= 0 && ((Number) value).doubleValue() <= Integer.MAX_VALUE)) {
                    problem(field, "must be the id of a message in flight (a whole number >= 0), got " + value);
                }
            }
        }
    }

    private static boolean within(InterventionParam param, double value) {
        return (param.min() == null || value >= param.min().doubleValue()) && (param.max() == null || value <= param.max().doubleValue());
    }

    private void requiredProbability(String field, Object value) {
        if (value instanceof Number n) {
            probability(field, n.doubleValue());
        } else {
            problem(field, "must be a probability between 0 and 1");
        }
    }

    private void checkBehaviour(String field, Map<String, Object> p, Protocol protocol, int nodes) {
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
        // The factory's problems first, then the rows' shape (a scripted table of lies), as a student reads them.
        for (Runnable check : List.<Runnable>of(() -> spec.factory().apply(p), () -> spec.check().check(p, nodes))) {
            try {
                check.run();
            } catch (RecipeException e) {
                for (RecipeException.Problem inner : e.problems()) {
                    problem(field + ".params." + inner.field(), inner.message());
                }
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

    private static boolean wholeNumber(Object value) {
        return value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue());
    }
}
