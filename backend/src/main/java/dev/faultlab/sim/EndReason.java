package dev.faultlab.sim;

/**
 * Why a run ended: {@code completed} (nothing left to happen), a budget ({@code budget.events},
 * {@code budget.time}, {@code budget.wall}, {@code budget.trace}), or {@code protocol-error}.
 */
public record EndReason(String code, String message) {
    public boolean completed() {
        return code.equals("completed");
    }
}
