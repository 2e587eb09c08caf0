package org.oneneuron.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Spark standalone cluster on this machine: a master and one-core workers, each a separate
 * JVM started from the Spark jars on the test class path, all on 127.0.0.1. Spark's scripts want a
 * SPARK_HOME with a jars folder: an empty one does, since the drivers of these tests give their
 * executors the class path through spark.executor.extraClassPath.
 */
final class StandaloneCluster implements AutoCloseable {

    private final Process master;
    private final List<Process> workers = new ArrayList<>();
    private final List<Path> workDirs = new ArrayList<>();
    private final int port;

    private StandaloneCluster(Process master, int port) {
        this.master = master;
        this.port = port;
    }

    /** Starts a master, waits until it listens, then starts {@code workers} workers of one core and 1 GB. */
    static StandaloneCluster start(Path dir, int workers) throws IOException, InterruptedException {
        Path home = Files.createDirectories(dir.resolve("spark-home"));
        Files.createDirectories(home.resolve("jars"));
        int port = SparkJvms.freePort();
        Process master = launch(dir, home, "master", SparkJvms.command(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"),
                "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                Integer.toString(port), "--webui-port", "0"));
        StandaloneCluster cluster = new StandaloneCluster(master, port);
        try {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!SparkJvms.listening(port)) {
                if (!master.isAlive() || System.nanoTime() > until) {
                    throw new IllegalStateException("the Spark master did not start; see "
                            + dir.resolve("master.log"));
                }
                Thread.sleep(100);
            }
            for (int i = 0; i < workers; i++) {
                Path work = Files.createDirectories(dir.resolve("worker-" + i));
                cluster.workDirs.add(work);
                cluster.workers.add(launch(dir, home, "worker-" + i, SparkJvms.command(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"),
                        "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "1",
                        "--memory", "1g", "--webui-port", "0", "--work-dir", work.toString(), cluster.url())));
            }
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private static Process launch(Path dir, Path home, String name, List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.put("SPARK_HOME", home.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("SPARK_LOCAL_DIRS", Files.createDirectories(dir.resolve("local")).toString());
        return builder.start();
    }

    /** spark://127.0.0.1:PORT */
    String url() {
        return "spark://127.0.0.1:" + port;
    }

    /** True when every worker has launched an executor (its work folder holds app-ID/EXECUTOR-ID). */
    boolean everyWorkerHasAnExecutor() {
        for (Path work : workDirs) {
            try (var apps = Files.list(work)) {
                boolean launched = apps.filter(Files::isDirectory).anyMatch(app -> {
                    try (var executors = Files.list(app)) {
                        return executors.anyMatch(Files::isDirectory);
                    } catch (IOException e) {
                        return false;
                    }
                });
                if (!launched) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    /**
     * The processes by role for {@link CpuSnapshot}: this JVM as "driver", "master", "worker-I" and
     * "executor-I" (worker I's child JVMs).
     */
    Map<String, List<ProcessHandle>> roles() {
        Map<String, List<ProcessHandle>> roles = new LinkedHashMap<>();
        roles.put("driver", List.of(ProcessHandle.current()));
        roles.put("master", List.of(master.toHandle()));
        for (int i = 0; i < workers.size(); i++) {
            roles.put("worker-" + i, List.of(workers.get(i).toHandle()));
            roles.put("executor-" + i, workers.get(i).descendants().toList());
        }
        return roles;
    }

    /** Worker {@code i} and its executor, killed with SIGKILL as a machine that dies. */
    void killWorker(int i) {
        SparkJvms.killHard(workers.get(i));
    }

    @Override
    public void close() {
        for (Process worker : workers) {
            SparkJvms.killHard(worker);
        }
        SparkJvms.killHard(master);
        for (Process p : workers) {
            waitQuietly(p);
        }
        waitQuietly(master);
    }

    private static void waitQuietly(Process p) {
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
