package org.oneneuron.cli.study;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.ServiceLoader;
import org.oneneuron.study.StudyListener;
import org.oneneuron.study.StudyResult;
import org.oneneuron.study.StudySpec;

/**
 * Runs a study's runs on a cluster ({@code oneneuron study --master URL}) instead of local cores,
 * with the in-process runner's promises: the driver owns DIR (its lock, study.json and the journal,
 * each finished run appended and forced to disk as it arrives), a re-run resumes, and every run is
 * computed by the same run function, so the journal lines equal the in-process ones. Found with
 * {@link ServiceLoader} in the Spark-enabled jar (module oneneuron-spark); the plain command line
 * jar has none and never loads a cluster library.
 */
public interface ClusterStudyRunner {

    /**
     * Checks {@code master} before anything is written: its form, and that a master named by
     * host and port answers there.
     *
     * @throws IllegalArgumentException when it is not a master URL
     * @throws IllegalStateException    when the master cannot be reached
     */
    void check(String master);

    /**
     * Runs (or resumes) {@code spec} in {@code dir} on the cluster at {@code master}.
     *
     * @param master   where the runs go, e.g. local[4], spark://host:7077, yarn, k8s://https://host
     * @param spec     the study
     * @param dir      the study folder, on the driver
     * @param budget   wall-time budget for starting new runs; Duration.ZERO for none
     * @param listener progress, called on the driver as runs arrive
     * @return every finished run
     * @throws IllegalArgumentException when the master URL or the spec is bad (nothing written)
     * @throws IllegalStateException    when the cluster cannot be reached or the study fails
     */
    StudyResult run(String master, StudySpec spec, Path dir, Duration budget, StudyListener listener);

    /** The cluster runner on the class path, if any. */
    static Optional<ClusterStudyRunner> find() {
        return ServiceLoader.load(ClusterStudyRunner.class, ClusterStudyRunner.class.getClassLoader())
                .findFirst();
    }
}
