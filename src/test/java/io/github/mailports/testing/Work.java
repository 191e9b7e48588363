package io.github.mailports.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;

/**
 * Work counted, not timed: the bytes the current thread allocates while a step runs. Copying, rescanning and expanding
 * all allocate, so a step that goes quadratic or expands an entity or alias bomb shows up here, on any machine and
 * under any load, where a wall-clock limit either fails on a busy machine or is so loose it shows nothing.
 * Hangs are caught once for the whole suite, by the default timeout in {@code junit-platform.properties}.
 */
public final class Work {
    private Work() {
    }

    /** A step that may throw. */
    public interface Step<T> {
        T run() throws Throwable;
    }

    /** The result of a step and the bytes it allocated; a step that throws gives its throwable as the result. */
    public static final class Counted<T> {
        public final T result;
        public final Throwable thrown;
        public final long bytes;

        Counted(T result, Throwable thrown, long bytes) {
            this.result = result;
            this.thrown = thrown;
            this.bytes = bytes;
        }
    }

    private static long allocatedByThisThread() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return mx.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    /** Runs the step on this thread and counts what it allocated. */
    public static <T> Counted<T> count(Step<T> step) {
        long before = allocatedByThisThread();
        T result = null;
        Throwable thrown = null;
        try {
            result = step.run();
        } catch (Throwable t) {
            thrown = t;
        }
        return new Counted<>(result, thrown, allocatedByThisThread() - before);
    }

    /** Runs the step, asserts it allocated at most {@code maxBytes}, and returns it counted. */
    public static <T> Counted<T> atMost(String what, long maxBytes, Step<T> step) {
        Counted<T> c = count(step);
        assertTrue(c.bytes <= maxBytes, what + ": allocated " + c.bytes + " bytes, more than " + maxBytes);
        return c;
    }
}
