package dev.faultlab.web;

import dev.faultlab.sim.BehaviourSpec;
import dev.faultlab.sim.FailureModel;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.ParamSpec;
import dev.faultlab.sim.Protocol;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.RoleSpec;
import dev.faultlab.web.auth.Access;
import io.javalin.config.RoutesConfig;

import java.util.Arrays;
import java.util.List;

/** GET /api/protocols: every protocol with its parameters, Byzantine behaviours and the injectable faults. */
final class ProtocolRoutes {
    private ProtocolRoutes() {
    }

    record Behaviour(String name, String description) {
    }

    record ProtocolView(String id, String title, String description, List<ParamSpec> parameters,
                        List<Behaviour> behaviours, List<RoleSpec> roles, FailureModel failureModel) {
        static ProtocolView of(Protocol p) {
            return new ProtocolView(p.id(), p.title(), p.description(), p.parameters(),
                    p.behaviours().stream().map(ProtocolRoutes::behaviour).toList(), p.roles(), p.failureModel());
        }
    }

    record Catalog(List<ProtocolView> protocols, List<FaultKind> faultKinds) {
    }

    private static Behaviour behaviour(BehaviourSpec spec) {
        return new Behaviour(spec.name(), spec.description());
    }

    static void register(RoutesConfig routes, ProtocolRegistry registry) {
        Catalog catalog = new Catalog(registry.all().stream().map(ProtocolView::of).toList(),
                Arrays.asList(FaultKind.values()));
        routes.get("/api/protocols", ctx -> ctx.json(catalog), Access.PUBLIC);
    }
}
