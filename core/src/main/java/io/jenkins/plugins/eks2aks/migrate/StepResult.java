package io.jenkins.plugins.eks2aks.migrate;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How one step ended, as the migration records it.
 *
 * @param succeeded whether the next step may start
 * @param message   one line: what it did, or why it failed
 * @param outputs   the files and folders it wrote
 * @param work      what it moved or read, by unit, for the plan's throughputs
 */
record StepResult(boolean succeeded, String message, List<String> outputs, Map<String, Long> work) {

    static StepResult ok(String message, Map<String, Long> work, Path... outputs) {
        return new StepResult(true, message, paths(outputs), work);
    }

    static StepResult failed(String message, Path... outputs) {
        return new StepResult(false, message, paths(outputs), Map.of());
    }

    private static List<String> paths(Path... outputs) {
        return Arrays.stream(outputs).filter(p -> p != null).map(Path::toString).toList();
    }
}
