package dev.faultlab.protocols.reliablemulticast.key;

import dev.faultlab.chart.Chart;
import dev.faultlab.key.AnswerKey;
import dev.faultlab.key.ChartKey;
import dev.faultlab.protocols.reliablemulticast.ReliableMulticast;
import dev.faultlab.protocols.reliablemulticast.Variant;
import dev.faultlab.sim.ProtocolRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code rmcast.feedback-by-size}: the feedback messages that reach the sender against the number of receivers,
 * one line per scheme (ACK, NACK, suppression, hierarchy), each point a run of {@link FeedbackRuns}: the
 * lecture's feedback implosion and what suppression and local coordinators do about it, measured.
 */
final class FeedbackChart implements ChartKey {
    static final String NAME = "rmcast.feedback-by-size";
    private static final AnswerKey.Spec SPEC = new AnswerKey.Spec(NAME, ReliableMulticast.ID, Set.of());

    private final ProtocolRegistry registry = new ProtocolRegistry(List.of(new ReliableMulticast()));

    @Override
    public AnswerKey.Spec spec() {
        return SPEC;
    }

    @Override
    public Chart chart(Map<String, Object> args) {
        List<Chart.Series> series = new ArrayList<>();
        for (Variant scheme : FeedbackRuns.SCHEMES) {
            List<Chart.Point> points = new ArrayList<>();
            for (int receivers : FeedbackRuns.SIZES) {
                points.add(new Chart.Point(receivers, FeedbackRuns.feedback(registry, scheme, receivers)));
            }
            series.add(new Chart.Series(label(scheme), points));
        }
        return new Chart("Feedback against group size", "receivers", "ACKs and NACKs reaching the sender", series);
    }

    private static String label(Variant scheme) {
        return switch (scheme) {
            case ACK -> "ACK from every receiver";
            case NACK -> "NACK to the sender";
            case SUPPRESSION -> "NACK with suppression";
            case HIERARCHY -> "hierarchy, groups of " + FeedbackRuns.GROUP_SIZE;
            case PIGGYBACK -> "piggybacked ACK";
        };
    }
}
