package dev.faultlab.protocols.omcast.key;

import dev.faultlab.key.AnswerKey;
import dev.faultlab.key.ChartKey;

import java.util.List;

/** The answer keys ordered multicast brings to labs. */
public final class OmcastKeys {
    private OmcastKeys() {
    }

    public static List<AnswerKey> all() {
        return List.of(new OmcastClockKey(), new OmcastAllowsKey(), new OmcastFifoBreaksCausalityKey());
    }

    public static List<ChartKey> charts() {
        return List.of(new OmcastSpaceTimeChart());
    }
}
