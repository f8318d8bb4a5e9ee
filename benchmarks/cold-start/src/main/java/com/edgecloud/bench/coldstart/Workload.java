package com.edgecloud.bench.coldstart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What a function's runs need besides its sample event: the settings both variants get (as
 * {@code -D} properties, read by Micronaut and by the bare handler alike), the seed of each run and
 * the event it is served, and a check of its first answer beyond its status, so that a probe whose
 * work was not done cannot pass as a measurement.
 */
interface Workload {

    /** The sample as it is, nothing seeded per run, no check beyond a successful status. */
    Workload NONE = new Workload() {
    };

    default List<String> properties(Seeds seeds) {
        return List.of();
    }

    /** Seeds what run {@code run} needs; the event file it is served (the sample, or a copy for this run). */
    default Path event(Seeds seeds, Path sample, String run) throws IOException {
        return sample;
    }

    /** Throws unless {@code answer} (the body of an HTTP answer, else the answer as JSON) shows the work done. */
    default void check(Seeds seeds, String run, String answer) {
    }

    /** A check failed: the probe's work was not done as the benchmark seeded it. */
    static IllegalStateException notDone(String run, String what, String answer) {
        return new IllegalStateException(run + ": " + what + "; answer: " + answer);
    }
}
