package io.jenkins.plugins.eks2aks.steps.plan;

import hudson.AbortException;
import hudson.model.TaskListener;
import io.jenkins.plugins.eks2aks.steps.ClassFilterChannel;
import io.jenkins.plugins.eks2aks.testservers.TestServerInstall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Through a channel that serializes and filters classes as Jenkins does, in a workspace holding the example. */
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

        Map<String, Object> result = ClassFilterChannel.workspace(workspace).act(callable);

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

        AbortException e = assertThrows(AbortException.class, () -> ClassFilterChannel.workspace(workspace).act(callable));

        assertTrue(e.getMessage().startsWith("migrationPlan: 'manifests' 'k8s' does not exist"), e.getMessage());
        MigrationPlanCallable outside = new MigrationPlanCallable(new MigrationPlanCallable.Parameters("../k8s", null, null,
                null, null, MigrationPlanStep.DEFAULT_OUTPUT, false), new BufferListener());
        AbortException leaves = assertThrows(AbortException.class, () -> ClassFilterChannel.workspace(workspace).act(outside));
        assertEquals("migrationPlan: 'manifests' '../k8s' leads outside the workspace: give a path inside it", leaves.getMessage());
        AbortException both = assertThrows(AbortException.class, () -> new MigrationPlanExecution(null, new MigrationPlanCallable.Parameters(
                "k8s", "inventory.json", "dump", null, null, MigrationPlanStep.DEFAULT_OUTPUT, false)).callable(new BufferListener()));
        assertEquals("migrationPlan: Give 'inventory' or 'dump', not both", both.getMessage());
    }

    @Test
    void theNotesAndMessagesSendTheUserToStepsNotToCommandLines(@TempDir Path workspace) throws Exception {
        copy(TestServerInstall.repositoryRoot().resolve("examples/eks-sample"), workspace.resolve("k8s"));
        ClassFilterChannel.workspace(workspace).act(new MigrationPlanCallable(new MigrationPlanCallable.Parameters("k8s", null, null,
                null, null, MigrationPlanStep.DEFAULT_OUTPUT, false), new BufferListener()));
        String md = Files.readString(workspace.resolve("eks2aks/plan/plan.md"));
        assertTrue(md.contains("- `images`: image sizes and what already sits in the target are read from the registries: "
                + "the ecrToAcr step with dryRun: true\n"), md);
        assertFalse(md.contains("eks2aks "), md);

        Files.writeString(workspace.resolve("other.json"), "{\"schema\": \"something/else\"}");
        AbortException wrong = assertThrows(AbortException.class, () -> ClassFilterChannel.workspace(workspace).act(
                new MigrationPlanCallable(new MigrationPlanCallable.Parameters("k8s", "other.json", null, null, null, "plan2", false),
                        new BufferListener())));
        assertTrue(wrong.getMessage().endsWith("give the inventory.json that the eksInventory step wrote"), wrong.getMessage());
    }
}
