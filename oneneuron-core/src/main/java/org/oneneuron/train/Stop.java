package org.oneneuron.train;

import java.util.Objects;

/**
 * Why and where a run stopped, e.g. (DIVERGED, 17, "loss 3.2e+12 exceeded 1e+06 × max(L₀, 1)").
 *
 * @param reason the reason
 * @param step   the step at which it was decided
 * @param detail what was seen, naming the quantity and its value
 */
public record Stop(StopReason reason, long step, String detail) {

    public Stop {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    /** "diverged at step 17: ..." */
    public String message() {
        return reason.word() + " at step " + step + ": " + detail;
    }
}
