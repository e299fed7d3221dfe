package dev.faultlab.sim;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The names of the interventions in recipes ({@link Fault#kind()}), each standing for its typed record in
 * {@link Intervention}, which owns its parameters, checks, effect and description. Faults that last
 * ({@code SEND_OMISSION}, {@code RECEIVE_OMISSION}, {@code TIMING}) end after the optional {@code duration}
 * ticks, or never.
 */
public enum FaultKind {
    CRASH(() -> Intervention.Crash.FORM),
    RECOVER(() -> Intervention.Recover.FORM),
    SEND_OMISSION(() -> Intervention.SendOmission.FORM),
    RECEIVE_OMISSION(() -> Intervention.ReceiveOmission.FORM),
    TIMING(() -> Intervention.Timing.FORM),
    BYZANTINE(() -> Intervention.Byzantine.FORM),
    LINK_DOWN(() -> Intervention.LinkDown.FORM),
    LINK_UP(() -> Intervention.LinkUp.FORM),
    LINK_LOSS(() -> Intervention.LinkLoss.FORM),
    PARTITION(() -> Intervention.Partition.FORM),
    HEAL(() -> Intervention.Heal.FORM),
    NETWORK(() -> Intervention.NetworkChange.FORM),
    REQUEST(() -> Intervention.ClientRequest.FORM),
    HOLD(() -> Intervention.Hold.FORM),
    RELEASE(() -> Intervention.Release.FORM),
    DELIVER(() -> Intervention.Deliver.FORM),
    DROP(() -> Intervention.Drop.FORM),
    DUPLICATE(() -> Intervention.Duplicate.FORM);

    /** Longest duration, delay or extra delay in ticks: the largest time budget a run may have. */
    public static final long MAX_TICKS = 10_000_000;
    /** Longest client command. */
    public static final int MAX_COMMAND_LENGTH = 200;

    /** Read only when asked for, never while the enum initialises: a record's form names its kind. */
    private final Supplier<InterventionForm> form;

    FaultKind(Supplier<InterventionForm> form) {
        this.form = form;
    }

    InterventionForm form() {
        return form.get();
    }

    /** The kind as data: its group, description, target and parameters with their ranges. */
    public InterventionSpec spec() {
        return form().spec();
    }

    /** Every kind's spec, in declaration order. */
    public static List<InterventionSpec> specs() {
        return Arrays.stream(values()).map(FaultKind::spec).toList();
    }

    /** Whether the fault names a node in {@link Fault#target()}. */
    public boolean needsTarget() {
        return spec().target();
    }

    /** Whether it acts on one in-flight message (named by {@code params.message}). */
    public boolean actsOnMessage() {
        return "message".equals(spec().group());
    }

    /** Whether the fault makes its target a faulty process, which correctness properties then exempt. */
    public boolean makesFaulty() {
        return form().makesFaulty();
    }
}
