package dev.faultlab.protocols.echo;

import dev.faultlab.sim.ParamSpec;
import dev.faultlab.sim.Params;
import dev.faultlab.sim.Protocol;
import dev.faultlab.sim.Setup;

import java.util.List;

/**
 * Asynchronous ping/echo waves with retransmission: the smallest protocol that uses messages, timers
 * and stable storage, and shows how loss and crashes stall or slow a wave. Also the kernel's throughput benchmark.
 */
public final class EchoProtocol implements Protocol {
    public static final String ID = "echo";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Echo (waves of pings, asynchronous)";
    }

    @Override
    public String description() {
        return "Every process pings all others and waits for all echoes, wave after wave, pinging the silent "
                + "ones again after a timeout; it decides the number of waves when the last one completes.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.integer("n", 1, 64, 4, "number of processes"),
                ParamSpec.integer("waves", 1, 1_000_000, 3, "waves each process runs"),
                ParamSpec.integer("retry", 1, 1_000_000, 20, "ticks to wait for echoes before pinging again"));
    }

    @Override
    public Setup setup(Params params) {
        int waves = params.getInt("waves");
        int retry = params.getInt("retry");
        return Setup.async(params.getInt("n"), node -> new EchoProcess(waves, retry));
    }
}
