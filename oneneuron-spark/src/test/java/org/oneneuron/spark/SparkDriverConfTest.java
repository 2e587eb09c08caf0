package org.oneneuron.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** The driver's Spark settings (no Spark is started): ours where the user set none, the user's otherwise. */
class SparkDriverConfTest {

    @Test
    void aStudysResultsAreNotCappedAndLocalModeStaysOnLoopback() {
        SparkConf conf = SparkDriver.conf(MasterUrl.parse("local[2]"), "s");
        assertEquals("0", conf.get("spark.driver.maxResultSize"), "a 100,000-run study returns gigabytes");
        assertEquals("127.0.0.1", conf.get("spark.driver.bindAddress"));
        assertEquals("false", conf.get("spark.ui.enabled"));
        assertEquals("local[2]", conf.get("spark.master"));
    }

    @Test
    void sparkSystemPropertiesWinOverOurs() {
        System.setProperty("spark.driver.maxResultSize", "2g");
        System.setProperty("spark.executorEnv.OPENBLAS_NUM_THREADS", "4");
        try {
            SparkConf conf = SparkDriver.conf(MasterUrl.parse("spark://127.0.0.1:7077"), "s");
            assertEquals("2g", conf.get("spark.driver.maxResultSize"));
            assertEquals("4", conf.get("spark.executorEnv.OPENBLAS_NUM_THREADS"));
            assertFalse(conf.contains("spark.driver.bindAddress"), "a cluster's driver binds where Spark decides");
        } finally {
            System.clearProperty("spark.driver.maxResultSize");
            System.clearProperty("spark.executorEnv.OPENBLAS_NUM_THREADS");
        }
    }

    @Test
    void executorsGetTheSerialCollectorAndC2AloneUnlessTheirOptionsChoose() {
        SparkConf plain = SparkDriver.conf(MasterUrl.parse("spark://127.0.0.1:7077"), "s");
        assertEquals("-XX:+UseSerialGC -XX:-TieredCompilation", plain.get("spark.executor.extraJavaOptions"));

        System.setProperty("spark.executor.extraJavaOptions", "-XX:+UseG1GC -Dx=1");
        System.setProperty("spark.executor.defaultJavaOptions", "-XX:TieredStopAtLevel=1");
        try {
            SparkConf chosen = SparkDriver.conf(MasterUrl.parse("spark://127.0.0.1:7077"), "s");
            assertEquals("-XX:+UseG1GC -Dx=1", chosen.get("spark.executor.extraJavaOptions"),
                    "a second collector would stop the executor JVM from starting");
        } finally {
            System.clearProperty("spark.executor.extraJavaOptions");
            System.clearProperty("spark.executor.defaultJavaOptions");
        }

        System.setProperty("spark.executor.extraJavaOptions", "-XX:+UseParallelGC");
        System.setProperty("oneneuron.blas", "vector-api");
        try {
            SparkConf some = SparkDriver.conf(MasterUrl.parse("spark://127.0.0.1:7077"), "s");
            assertEquals("-XX:+UseParallelGC -XX:-TieredCompilation -Doneneuron.blas=vector-api",
                    some.get("spark.executor.extraJavaOptions"));
        } finally {
            System.clearProperty("spark.executor.extraJavaOptions");
            System.clearProperty("oneneuron.blas");
        }
    }
}
