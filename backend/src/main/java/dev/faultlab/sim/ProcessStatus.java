package dev.faultlab.sim;

import java.util.Map;

/**
 * A process as the state inspector shows it at one moment.
 *
 * @param node       its id
 * @param role       the role it plays ("process" unless the protocol names roles)
 * @param up         false while crashed
 * @param byzantine  the Byzantine behaviour it follows, or null if loyal
 * @param state      its own state view (empty while crashed: volatile state is gone)
 * @param stable     its stable storage
 * @param decision   what it decided, or null
 * @param display    how the inspector shows it: the process's own display while up, its stable storage while
 *                   crashed
 */
public record ProcessStatus(int node, String role, boolean up, String byzantine, Map<String, Object> state,
                            Map<String, Object> stable, Object decision, StateDisplay display) {
}
