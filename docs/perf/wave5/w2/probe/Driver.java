// Throw-away harness (issue 19, fifth session): run as
//   javac -cp NEW.jar -d maker StepMaker.java && javac -d . Driver.java
//   java --add-modules jdk.incubator.vector -XX:+UseSerialGC -cp . Driver WARM ROUNDS A.jar B.jar ...
// Each jar gets its own class loader and its own W2-shaped SGD optimizer; rounds of 20 steps alternate
// between them in one JVM, timed in thread CPU; prints per-jar quantiles and median paired ratios.
import java.net.*;
import java.util.*;
import java.lang.management.*;
public class Driver {
    public static void main(String[] args) throws Exception {
        int warm = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        int n = args.length - 2;
        Runnable[] steps = new Runnable[n];
        for (int j = 0; j < n; j++) {
            URLClassLoader l = new URLClassLoader(new URL[] {new java.io.File(args[2 + j]).toURI().toURL(),
                new java.io.File("maker/").toURI().toURL()}, ClassLoader.getPlatformClassLoader());
            steps[j] = (Runnable) l.loadClass("StepMaker").getMethod("make").invoke(null);
        }
        for (int s = 0; s < warm; s++) for (Runnable r : steps) r.run();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[][] w = new double[n][rounds];
        for (int k = 0; k < rounds; k++) {
            for (int j0 = 0; j0 < n; j0++) {
                int j = (j0 + k) % n;
                long t0 = mx.getCurrentThreadCpuTime();
                for (int s = 0; s < 20; s++) steps[j].run();
                w[j][k] = (mx.getCurrentThreadCpuTime() - t0) / 1e3 / 20;
            }
        }
        for (int j = 0; j < n; j++) {
            double[] s = w[j].clone(); Arrays.sort(s);
            System.out.printf(Locale.ROOT, "%s min %.1f p25 %.1f median %.1f%n", new java.io.File(args[2 + j]).getName(), s[0], s[rounds / 4], s[rounds / 2]);
        }
        // paired: per-round ratio to the first
        for (int j = 1; j < n; j++) {
            double[] r = new double[rounds];
            for (int k = 0; k < rounds; k++) r[k] = w[j][k] / w[0][k];
            Arrays.sort(r);
            System.out.printf(Locale.ROOT, "%s / first: median ratio %.3f (p25 %.3f p75 %.3f)%n", new java.io.File(args[2 + j]).getName(), r[rounds / 2], r[rounds / 4], r[3 * rounds / 4]);
        }
    }
}
