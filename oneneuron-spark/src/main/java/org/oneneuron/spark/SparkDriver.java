package org.oneneuron.spark;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The driver's Spark context for one study, configured for it: {@code spark.*} settings given as
 * system properties (spark-submit's --conf, or {@code -Dspark.x=y} in ONENEURON_JAVA_OPTS) win over
 * everything set here.
 *
 * <ul>
 *   <li>Spark's console progress bar is off: the study prints its own progress.</li>
 *   <li>No cap on the total size of a job's results ({@code spark.driver.maxResultSize} 0): a
 *       study's results are journaled as they arrive, and a large study's add up to gigabytes.</li>
 *   <li>local[N]: the driver binds to 127.0.0.1 and starts no web UI, so nothing depends on the
 *       host name resolving and nothing listens on an outside address.</li>
 *   <li>A cluster's executors get this jar's classes: {@code spark.jars} is oneneuron-spark-app.jar
 *       beside the running jar (our classes without Spark's, which the cluster has), or the
 *       running jar itself; spark-submit sets it itself.</li>
 *   <li>Executors run OpenBLAS with one thread and, when the driver was given one, the same
 *       {@code -Doneneuron.blas} back-end, as the in-process runner's workers do.</li>
 *   <li>Executor JVMs run the serial collector (as ./oneneuron runs the in-process runner: our
 *       runs keep a few large arrays and allocate little) and compile with C2 alone
 *       ({@code -XX:-TieredCompilation}): a run's hot loops are compiled once, without the C1
 *       tiers' extra compilations and recompilations, which on a busy executor take CPU from the
 *       training threads (docs/CLUSTER.md measures it). Not where the executor options already
 *       choose a collector or a compilation mode.</li>
 * </ul>
 */
final class SparkDriver implements AutoCloseable {

    /** The jar for spark-submit and for shipping to executors, built beside oneneuron-spark.jar. */
    static final String APP_JAR = "oneneuron-spark-app.jar";

    private final MasterUrl master;
    private final JavaSparkContext context;

    private SparkDriver(MasterUrl master, JavaSparkContext context) {
        this.master = master;
        this.context = context;
    }

    /**
     * Starts Spark for a study.
     *
     * @throws IllegalStateException when Spark cannot start, with Spark's reason in words
     */
    static SparkDriver start(MasterUrl master, String studyName) {
        SparkConf conf = conf(master, studyName);
        try {
            return new SparkDriver(master, new JavaSparkContext(conf));
        } catch (RuntimeException | ExceptionInInitializerError e) {
            throw new IllegalStateException("cannot start Spark with --master " + master.text() + ": "
                    + Failures.words(e), e);
        }
    }

    /** The configuration {@link #start} uses (spark.* system properties already loaded). */
    static SparkConf conf(MasterUrl master, String studyName) {
        SparkConf conf = new SparkConf(true);
        conf.setMaster(master.text());
        conf.setAppName("oneneuron study " + studyName);
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        // Spark aborts a job whose results add up to more than spark.driver.maxResultSize (1 GiB
        // unless set): 25,000 runs of 40 KB. The driver journals each result as it arrives and
        // keeps what the in-process runner keeps, so the driver's heap is the one limit.
        conf.setIfMissing("spark.driver.maxResultSize", "0");
        if (master.kind() == MasterUrl.Kind.LOCAL) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            conf.setIfMissing("spark.ui.enabled", "false");
        } else if (!conf.contains("spark.jars")) {
            Path jar = appJar();
            if (jar != null) {
                conf.set("spark.jars", jar.toUri().toString());
            }
        }
        String openBlas = System.getenv("OPENBLAS_NUM_THREADS");
        conf.setIfMissing("spark.executorEnv.OPENBLAS_NUM_THREADS", openBlas == null ? "1" : openBlas);
        String given = conf.get("spark.executor.defaultJavaOptions", "") + " "
                + conf.get("spark.executor.extraJavaOptions", "");
        StringBuilder ours = new StringBuilder();
        if (!given.matches("(?s).*-XX:[+]Use\\w*GC\\b.*")) {
            ours.append(" -XX:+UseSerialGC");
        }
        if (!given.contains("TieredCompilation") && !given.contains("TieredStopAtLevel")) {
            ours.append(" -XX:-TieredCompilation");
        }
        String blas = System.getProperty("oneneuron.blas");
        if (blas != null && blas.matches("[A-Za-z-]+") && !given.contains("-Doneneuron.blas=")) {
            ours.append(" -Doneneuron.blas=").append(blas);
        }
        if (!ours.isEmpty()) {
            conf.set("spark.executor.extraJavaOptions",
                    (conf.get("spark.executor.extraJavaOptions", "") + ours).trim());
        }
        return conf;
    }

    /**
     * The jar to ship to executors: oneneuron-spark-app.jar beside the jar this class was loaded
     * from, else that jar; null when the classes come from a folder (tests give executors their
     * class path through spark.executor.extraClassPath instead).
     */
    static Path appJar() {
        try {
            var source = SparkDriver.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            Path running = Path.of(source.getLocation().toURI());
            if (!Files.isRegularFile(running) || !running.toString().toLowerCase(Locale.ROOT).endsWith(".jar")) {
                return null;
            }
            Path app = running.resolveSibling(APP_JAR);
            return Files.isRegularFile(app) ? app : running;
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The context. */
    JavaSparkContext context() {
        return context;
    }

    /** True when executors are other JVMs (not local mode). */
    boolean isCluster() {
        return master.kind() != MasterUrl.Kind.LOCAL;
    }

    /** Task slots to plan for: the context's default parallelism (local[N]: N; a cluster: its cores, at least 2). */
    int slots() {
        return Math.max(1, context.sc().defaultParallelism());
    }

    @Override
    public void close() {
        context.stop();
    }
}
