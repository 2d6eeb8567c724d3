package io.jenkins.plugins.eks2aks.steps.plan;

import hudson.AbortException;
import hudson.model.TaskListener;
import io.jenkins.plugins.eks2aks.testservers.TestServerInstall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Serialized as the remoting channel would, run in a workspace holding the example; plain JDK types come back. */
class MigrationPlanCallableTest {

    static final class BufferListener implements TaskListener {
        private static final long serialVersionUID = 1L;
        static final ByteArrayOutputStream BUFFER = new ByteArrayOutputStream();

        @Override
        public PrintStream getLogger() {
            return new PrintStream(BUFFER, true, StandardCharsets.UTF_8);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    @Test
    void plansTheWorkspacesManifestsAndReturnsOnlyJdkTypes(@TempDir Path workspace) throws Exception {
        copy(TestServerInstall.repositoryRoot().resolve("examples/eks-sample"), workspace.resolve("k8s"));
        MigrationPlanCallable callable = new MigrationPlanCallable(new MigrationPlanCallable.Parameters("k8s", null, "k8s/cluster-dump",
                null, null, MigrationPlanStep.DEFAULT_OUTPUT, false), new BufferListener());

        Map<String, Object> result = roundTrip(roundTrip(callable).invoke(workspace.toFile(), null));

        assertEquals(9, result.get("steps"));
        assertEquals(0, result.get("decisions"));
        assertEquals(workspace.resolve("eks2aks/plan/plan.json").toString(), result.get("planJson"));
        assertTrue(Files.readString(workspace.resolve("eks2aks/plan/plan.md")).contains("| 1 | `inventory` |"));
        assertTrue(BufferListener.BUFFER.toString(StandardCharsets.UTF_8).contains("[plan] 9 steps, about "));
        result.forEach((k, v) -> assertTrue(v.getClass().getName().startsWith("java."), k + ": " + v.getClass()));
    }

    @Test
    void aWrongParameterIsNamedAsTheStepSpellsIt(@TempDir Path workspace) {
        MigrationPlanCallable callable = new MigrationPlanCallable(new MigrationPlanCallable.Parameters("k8s", null, null,
                null, null, MigrationPlanStep.DEFAULT_OUTPUT, false), new BufferListener());

        AbortException e = assertThrows(AbortException.class, () -> callable.invoke(workspace.toFile(), null));

        assertTrue(e.getMessage().startsWith("migrationPlan: 'manifests' '" + workspace.resolve("k8s") + "' does not exist"), e.getMessage());
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
