package dev.faultlab.sim;

import java.util.ArrayList;
import java.util.List;

/** Checks a recipe before it runs, collecting every problem with the field it is about. */
final class RecipeValidator {
    private final Problems problems = new Problems();

    /** The protocol, checked parameters and setup of a valid recipe, and its faults as typed interventions (same order). */
    record Checked(Protocol protocol, Params params, Setup setup, List<Intervention> interventions) {
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
        validator.problems.throwIfAny();
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
                validator.problems.add("schedule[" + i + "]", "must be the index of an enabled item (a whole number >= 0)");
            }
        }
        List<Intervention> interventions = new ArrayList<>();
        for (int i = 0; i < recipe.faults().size(); i++) {
            interventions.add(validator.checkFault("faults[" + i + "]", recipe.faults().get(i), protocol, setup.nodes()));
        }
        validator.problems.throwIfAny();
        return new Checked(protocol, params, setup, List.copyOf(interventions));
    }

    /** Checks one fault about to be injected into a running simulation; returns it as its typed intervention. */
    static Intervention checkInjected(Fault fault, Protocol protocol, int nodes) {
        RecipeValidator validator = new RecipeValidator();
        Intervention intervention = validator.checkFault("fault", fault, protocol, nodes);
        validator.problems.throwIfAny();
        return intervention;
    }

    private void checkBudgets(Budgets b) {
        if (b.maxEvents() <= 0) {
            problems.add("budgets.maxEvents", "must be positive");
        }
        if (b.maxTime() <= 0) {
            problems.add("budgets.maxTime", "must be positive");
        }
        if (b.maxWallMillis() <= 0) {
            problems.add("budgets.maxWallMillis", "must be positive");
        }
        if (b.maxNodes() <= 0) {
            problems.add("budgets.maxNodes", "must be positive");
        }
        if (b.maxTraceBytes() <= 0) {
            problems.add("budgets.maxTraceBytes", "must be positive");
        }
    }

    private void checkNetwork(NetworkSpec network) {
        problems.probability("network.loss", network.loss());
        problems.probability("network.duplication", network.duplication());
        problems.delay("network.delay", network.delay());
    }

    private void checkLinks(NetworkSpec network, int nodes) {
        for (int i = 0; i < network.links().size(); i++) {
            String field = "network.links[" + i + "]";
            LinkSpec link = network.links().get(i);
            if (link == null) {
                problems.add(field, "must be a link {from, to, delay, loss}");
                continue;
            }
            problems.node(field + ".from", link.from(), nodes);
            problems.node(field + ".to", link.to(), nodes);
            if (link.delay() != null) {
                problems.delay(field + ".delay", link.delay());
            }
            if (link.loss() != null) {
                problems.probability(field + ".loss", link.loss());
            }
        }
    }

    /** When and to whom, then the kind's own params (which its record reads); null if the kind is missing. */
    private Intervention checkFault(String field, Fault f, Protocol protocol, int nodes) {
        if (f == null || f.kind() == null) {
            problems.add(field + ".kind", "is required: one of " + List.of(FaultKind.values()));
            return null;
        }
        if ((f.at() == null) == (f.atEvent() == null)) {
            problems.add(field, "needs exactly one of 'at' (virtual time) or 'atEvent' (event index)");
        } else if ((f.at() != null && f.at() < 0) || (f.atEvent() != null && f.atEvent() < 0)) {
            problems.add(field + (f.at() != null ? ".at" : ".atEvent"), "must not be negative");
        }
        if (f.kind().needsTarget()) {
            problems.node(field + ".target", f.target(), nodes);
        } else if (f.target() != null) {
            problems.add(field + ".target", "must be left out: " + f.kind() + " acts on the whole network");
        }
        return f.kind().form().read(new InterventionArgs(field, f.params(), f.target(), protocol, nodes, problems));
    }
}
