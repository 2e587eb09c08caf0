package org.oneneuron.cli.bench;

import java.lang.management.ManagementFactory;

/** CPU time of the whole process and bytes allocated by the calling thread (HotSpot's beans). */
final class CpuClock {

    private CpuClock() {
    }

    /** CPU seconds of this process so far (all threads: the JIT's and the collector's too), or 0 if unknown. */
    static double processSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long nanos = os.getProcessCpuTime();
            return nanos < 0 ? 0 : nanos * 1e-9;
        }
        return 0;
    }

    /** Bytes the calling thread has allocated so far, or 0 if the JVM does not count them. */
    static long allocatedBytes() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                && t.isThreadAllocatedMemorySupported() && t.isThreadAllocatedMemoryEnabled()) {
            return Math.max(0, t.getCurrentThreadAllocatedBytes());
        }
        return 0;
    }
}
