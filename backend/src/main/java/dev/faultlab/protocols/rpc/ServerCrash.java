package dev.faultlab.protocols.rpc;

import java.util.Arrays;
import java.util.List;

/**
 * Where the server crashes relative to its two actions, the completion message M and the work P: the lecture's six
 * orderings, three for each {@link Order}. Actions in brackets never happen.
 */
public enum ServerCrash {
    MPC("mpc", "M P C", Order.MP, Point.AFTER_BOTH),
    MC_P("mc-p", "M C (P)", Order.MP, Point.BETWEEN),
    C_MP("c-mp", "C (M P)", Order.MP, Point.BEFORE_BOTH),
    PMC("pmc", "P M C", Order.PM, Point.AFTER_BOTH),
    PC_M("pc-m", "P C (M)", Order.PM, Point.BETWEEN),
    C_PM("c-pm", "C (P M)", Order.PM, Point.BEFORE_BOTH);

    /** Where the crash falls among the server's two actions. */
    public enum Point { BEFORE_BOTH, BETWEEN, AFTER_BOTH }

    private final String id;
    private final String label;
    private final Order order;
    private final Point point;

    ServerCrash(String id, String label, Order order, Point point) {
        this.id = id;
        this.label = label;
        this.order = order;
        this.point = point;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public Order order() {
        return order;
    }

    public Point point() {
        return point;
    }

    /** Whether the client got the completion message before the crash. */
    public boolean acknowledged() {
        return order == Order.MP ? point != Point.BEFORE_BOTH : point == Point.AFTER_BOTH;
    }

    /** Whether the work was done before the crash. */
    public boolean worked() {
        return order == Order.PM ? point != Point.BEFORE_BOTH : point == Point.AFTER_BOTH;
    }

    public static List<ServerCrash> of(Order order) {
        return Arrays.stream(values()).filter(c -> c.order == order).toList();
    }
}
