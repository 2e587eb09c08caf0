import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Paired A/B of a training loop in one JVM: two class loaders, each over one build's
 * oneneuron-core classes plus the probe class compiled against it (TrainLoop here), run
 * alternately (ABAB, BABA, ...), five warm rounds dropped. Prints the loop medians and the median
 * of the paired ratios A/B (above 1: B is faster).
 *
 * <pre>
 * javac -d probe-a -cp A/oneneuron-core/target/classes:DEPS TrainLoop.java   (and probe-b against B)
 * javac -d main LoopAB.java       (run with -Dloop.workload=W6 for W6's shape)
 * java -XX:+UseSerialGC --add-modules jdk.incubator.vector -cp main LoopAB TrainLoop \
 *     A/oneneuron-core/target/classes probe-a B/oneneuron-core/target/classes probe-b DEPS 30
 * </pre>
 * DEPS: the core module's runtime classpath ({@code mvn dependency:build-classpath}).
 */
public class LoopAB {
    public static void main(String[] a) throws Exception {
        String probe = a[0];
        Method[] run = new Method[2];
        for (int s = 0; s < 2; s++) {
            List<URL> urls = new ArrayList<>();
            urls.add(Path.of(a[2 + 2 * s]).toUri().toURL());
            urls.add(Path.of(a[1 + 2 * s]).toUri().toURL());
            for (String p : a[5].split(":")) {
                urls.add(Path.of(p).toUri().toURL());
            }
            ClassLoader cl = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
            Class<?> c = cl.loadClass(probe);
            c.getMethod("setup").invoke(null);
            run[s] = c.getMethod("run");
        }
        int reps = Integer.parseInt(a[6]);
        double[][] loop = new double[2][reps];
        for (int r = 0; r < reps + 5; r++) {
            for (int s0 = 0; s0 < 2; s0++) {
                int s = r % 2 == 0 ? s0 : 1 - s0;
                double[] o = (double[]) run[s].invoke(null);
                if (r >= 5) {
                    loop[s][r - 5] = o[0];
                }
                if (r == reps + 4) {
                    System.out.println((s == 0 ? "A" : "B") + ": final loss " + o[2] + ", last call " + o[1] + " s");
                }
            }
        }
        double[] ratio = new double[reps];
        for (int r = 0; r < reps; r++) {
            ratio[r] = loop[0][r] / loop[1][r];
        }
        Arrays.sort(ratio);
        double[] x = loop[0].clone();
        double[] y = loop[1].clone();
        Arrays.sort(x);
        Arrays.sort(y);
        System.out.printf("loop median A %.4f s, B %.4f s; paired A/B median %.4f (%.4f..%.4f)%n",
                x[reps / 2], y[reps / 2], ratio[reps / 2], ratio[0], ratio[reps - 1]);
    }
}
