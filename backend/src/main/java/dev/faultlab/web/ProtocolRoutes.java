package dev.faultlab.web;

import dev.faultlab.sim.BehaviourSpec;
import dev.faultlab.sim.FailureModel;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.InterventionSpec;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.ParamSpec;
import dev.faultlab.sim.Params;
import dev.faultlab.sim.Protocol;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.RoleSpec;
import dev.faultlab.web.auth.Access;
import io.javalin.config.RoutesConfig;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** GET /api/protocols: every protocol with its parameters, roles and Byzantine behaviours, and every intervention kind. */
final class ProtocolRoutes {
    private ProtocolRoutes() {
    }

    record Behaviour(String name, String description) {
    }

    /** A state a run may be asked to reach (see {@link Protocol#goals}). */
    record GoalView(String name, String description) {
    }

    record ProtocolView(String id, String title, String description, List<ParamSpec> parameters,
                        List<Behaviour> behaviours, List<RoleSpec> roles, FailureModel failureModel, List<GoalView> goals) {
        static ProtocolView of(Protocol p) {
            return new ProtocolView(p.id(), p.title(), p.description(), p.parameters(),
                    p.behaviours().stream().map(ProtocolRoutes::behaviour).toList(), p.roles(), p.failureModel(), goals(p));
        }

        /** The goals of a run with the default parameters: a goal's name and description do not depend on them. */
        private static List<GoalView> goals(Protocol p) {
            return p.goals(Params.check(p.parameters(), Map.of(), 0), NetworkSpec.reliable()).stream()
                    .map(goal -> new GoalView(goal.name(), goal.description())).toList();
        }
    }

    /** {@code interventions}: every kind with its parameters, from which the browser builds its forms. */
    record Catalog(List<ProtocolView> protocols, List<FaultKind> faultKinds, List<InterventionSpec> interventions) {
    }

    private static Behaviour behaviour(BehaviourSpec spec) {
        return new Behaviour(spec.name(), spec.description());
    }

    static void register(RoutesConfig routes, ProtocolRegistry registry) {
        Catalog catalog = new Catalog(registry.all().stream().map(ProtocolView::of).toList(),
                Arrays.asList(FaultKind.values()), FaultKind.specs());
        routes.get("/api/protocols", ctx -> ctx.json(catalog), Access.PUBLIC);
    }
}
