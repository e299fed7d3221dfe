package dev.faultlab.protocols.rpc;

import dev.faultlab.sim.Monitor;

import java.util.List;

/** The properties every RPC run is watched for. */
public final class RpcMonitors {
    private RpcMonitors() {
    }

    public static List<Monitor> all() {
        return List.of(new AtMostOnce(), new AtLeastOnce(), new ExactlyOnce(), new NoOrphans(), new OnlyOrphansKilled());
    }
}
