package org.oneneuron.spark;

/**
 * Which cluster managers this JVM's Spark can talk to. local and spark:// are in Spark's core;
 * YARN and Kubernetes are separate Spark modules that a cluster's own Spark installation has and
 * the oneneuron-spark jar does not: those studies go through the cluster's spark-submit.
 */
final class ClusterManagers {

    static final String YARN = "org.apache.spark.scheduler.cluster.YarnClusterManager";
    static final String KUBERNETES = "org.apache.spark.scheduler.cluster.k8s.KubernetesClusterManager";

    private ClusterManagers() {
    }

    /**
     * @throws IllegalArgumentException when {@code master} needs a Spark module that is not here,
     *                                  saying how to submit instead
     */
    static void requireSupport(MasterUrl master) {
        String needed = switch (master.kind()) {
            case YARN -> YARN;
            case KUBERNETES -> KUBERNETES;
            default -> null;
        };
        if (needed == null || present(needed)) {
            return;
        }
        String module = master.kind() == MasterUrl.Kind.YARN ? "YARN" : "Kubernetes";
        throw new IllegalArgumentException("--master " + master.text() + ": this jar has no Spark " + module
                + " support; submit the study with your cluster's spark-submit and "
                + SparkDriver.APP_JAR + " (docs/CLUSTER.md)");
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, ClusterManagers.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
