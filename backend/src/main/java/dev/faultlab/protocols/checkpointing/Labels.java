package dev.faultlab.protocols.checkpointing;

/** The lecture's notation: CP_i(m) is the m-th checkpoint of P_i, INT_i(m) the interval between CP_i(m-1) and CP_i(m); i from 1. */
public final class Labels {
    private Labels() {
    }

    public static String checkpoint(int node, int index) {
        return "CP_" + (node + 1) + "(" + index + ")";
    }

    public static String interval(int node, int index) {
        return "INT_" + (node + 1) + "(" + index + ")";
    }
}
