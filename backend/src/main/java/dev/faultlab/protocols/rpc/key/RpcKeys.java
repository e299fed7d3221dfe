package dev.faultlab.protocols.rpc.key;

import dev.faultlab.key.AnswerKey;
import dev.faultlab.key.ChartKey;

import java.util.List;

/** The answer keys RPC brings to labs. */
public final class RpcKeys {
    private RpcKeys() {
    }

    public static List<AnswerKey> all() {
        return List.of(new RpcTableKey(), new RpcSemanticsKey(), new RpcTwiceKey(), new RpcStoppedKey());
    }

    public static List<ChartKey> charts() {
        return List.of(new RpcSpaceTimeChart());
    }
}
