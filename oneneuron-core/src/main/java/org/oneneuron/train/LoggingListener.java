package org.oneneuron.train;

import java.util.Locale;

/**
 * A probe that logs step, loss and gradient norm every {@code every} steps, and the stop, through
 * {@link System.Logger} (never standard output: library code does not print).
 */
public final class LoggingListener implements TrainingListener {

    private static final System.Logger LOG = System.getLogger(LoggingListener.class.getName());

    private final long every;
    private final System.Logger.Level level;

    /**
     * @param every log every this many steps, ≥ 1
     * @param level the level to log at
     */
    public LoggingListener(long every, System.Logger.Level level) {
        if (every < 1) {
            throw new IllegalArgumentException("logging interval must be >= 1, got " + every);
        }
        this.every = every;
        this.level = java.util.Objects.requireNonNull(level, "level");
    }

    @Override
    public String onStep(long step, double[] theta, double loss, double gradientNorm) {
        if (step % every == 0 && LOG.isLoggable(level)) {
            LOG.log(level, String.format(Locale.ROOT, "step %d: loss %.9g, gradient norm %.3g",
                    step, loss, gradientNorm));
        }
        return null;
    }

    @Override
    public void onFinish(double[] theta, Stop stop) {
        LOG.log(level, stop.message());
    }
}
