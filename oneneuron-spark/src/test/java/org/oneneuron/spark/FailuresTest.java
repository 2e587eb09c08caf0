package org.oneneuron.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void sparksStageFailureLosesItsClassNamesAndStackTrace() {
        String spark = "Job aborted due to stage failure: Task 0 in stage 0.0 failed 4 times, most recent failure:"
                + " Lost task 0.3 in stage 0.0 (TID 3) (127.0.0.1 executor 1): java.lang.IllegalArgumentException:"
                + " lr must be positive\n\tat org.oneneuron.Foo.bar(Foo.java:1)\n";
        assertEquals("Job aborted due to stage failure: Task 0 in stage 0.0 failed 4 times, most recent failure:"
                + " Lost task 0.3 in stage 0.0 (TID 3) (127.0.0.1 executor 1): lr must be positive",
                Failures.firstLine(spark));
    }

    @Test
    void theInnermostMessageWhenOuterOnesOnlyRepeatTheCause() {
        IllegalStateException inner = new IllegalStateException("Could not parse Master URL: 'x'");
        RuntimeException outer = new RuntimeException(inner);
        assertEquals("Could not parse Master URL: 'x'", Failures.words(outer));
        assertEquals("org.apache.spark.SparkException", Failures.firstLine("org.apache.spark.SparkException"));
    }
}
