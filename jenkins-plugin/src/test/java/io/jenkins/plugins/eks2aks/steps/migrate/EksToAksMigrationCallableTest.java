package io.jenkins.plugins.eks2aks.steps.migrate;

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
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Through a channel that serializes and filters classes as Jenkins does, in a workspace holding the example. */
class EksToAksMigrationCallableTest {

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

    private static EksToAksMigrationCallable.Parameters parameters(String manifests, String mappingFile, String from, String until) {
        return new EksToAksMigrationCallable.Parameters(manifests, mappingFile, EksToAksMigrationStep.DEFAULT_OUTPUT, false, from, until,
                false, null, null, null, null, "k8s/cluster-dump", null, null, null, null, null, null, null, null, null, "shop, data",
                null, null, null, null, null, null, null);
    }

    private static EksToAksMigrationCallable callable(EksToAksMigrationCallable.Parameters parameters) {
        return new EksToAksMigrationCallable(parameters, null, null, new java.util.HashMap<>(), new BufferListener());
    }

    @Test
    void runsTheConfiguredStepsThenALaterBuildRepeatsNothingAndReturnsOnlyJdkTypes(@TempDir Path workspace) throws Exception {
        copy(TestServerInstall.repositoryRoot().resolve("examples/eks-sample"), workspace.resolve("k8s"));

        Map<String, Object> first = ClassFilterChannel.workspace(workspace).act(callable(parameters("k8s", null, null, null)));

        assertNull(first.get("failedStep"));
        assertEquals(2L, first.get("ran"));
        assertEquals(7L, first.get("skipped"));
        assertEquals(workspace.resolve("eks2aks/migration/migration.md").toString(), first.get("report"));
        String report = Files.readString(workspace.resolve("eks2aks/migration/migration.md"));
        assertTrue(report.contains("Traffic has not moved: the shiftTraffic step moves it"), report);
        assertFalse(report.contains("shift-traffic"), "no CLI command in a build's report: " + report);
        assertTrue(Files.isRegularFile(workspace.resolve("eks2aks/migration/ledger.json")));
        assertTrue(BufferListener.BUFFER.toString(StandardCharsets.UTF_8).contains("[migrate] backup: skipped (no live source cluster: "
                + "give 'eksCluster' or 'eksKubeconfig'"), BufferListener.BUFFER.toString(StandardCharsets.UTF_8));
        assertJdkOnly(first);

        Map<String, Object> second = ClassFilterChannel.workspace(workspace).act(callable(parameters("k8s", null, null, null)));

        assertEquals(0L, second.get("ran"));
        assertEquals(2L, second.get("upToDate"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> steps = (List<Map<String, Object>>) second.get("steps");
        assertEquals("up-to-date", steps.get(3).get("state"));
        assertEquals("convert", steps.get(3).get("step"));
    }

    @Test
    void aFailedStepIsReturnedWithTheWayToResume(@TempDir Path workspace) throws Exception {
        copy(TestServerInstall.repositoryRoot().resolve("examples/eks-sample"), workspace.resolve("k8s"));
        Files.writeString(workspace.resolve("empty.yaml"), "apiVersion: eks2aks.io/v1\n");

        Map<String, Object> result = ClassFilterChannel.workspace(workspace).act(callable(parameters("k8s", "empty.yaml", "convert", null)));

        assertEquals("convert", result.get("failedStep"));
        assertEquals(EksToAksMigrationCallable.RESUME, result.get("resume"));
        assertJdkOnly(result);
    }

    @Test
    void wrongParametersAreNamedAsTheStepSpellsThem(@TempDir Path workspace) {
        AbortException unknown = assertThrows(AbortException.class,
                () -> ClassFilterChannel.workspace(workspace).act(callable(parameters("k8s", null, "copy", null))));
        assertTrue(unknown.getMessage().startsWith("eksToAksMigration: Invalid value for 'from': 'copy' (allowed: inventory, "), unknown.getMessage());
        AbortException outside = assertThrows(AbortException.class,
                () -> ClassFilterChannel.workspace(workspace).act(callable(parameters("../k8s", null, null, null))));
        assertEquals("eksToAksMigration: 'manifests' '../k8s' leads outside the workspace: give a path inside it", outside.getMessage());
        AbortException order = assertThrows(AbortException.class,
                () -> new EksToAksMigrationExecution(null, parameters("k8s", null, "restore", "images"), null, null, null).check());
        assertTrue(order.getMessage().startsWith("eksToAksMigration: 'until' images comes before 'from' restore"), order.getMessage());
    }

    private static void assertJdkOnly(Object value) {
        if (value instanceof Map<?, ?> map) {
            map.values().forEach(EksToAksMigrationCallableTest::assertJdkOnly);
        } else if (value instanceof List<?> list) {
            list.forEach(EksToAksMigrationCallableTest::assertJdkOnly);
        }
        if (value != null) {
            assertTrue(value.getClass().getName().startsWith("java."), value + ": " + value.getClass());
        }
    }

    @Test
    void anImportThatWouldReplaceATagSendsTheUserToTheEcrToAcrStepNotToACommandLine() {
        String force = EksToAksMigrationCallable.NAMES.copyImages().force();

        assertEquals("the ecrToAcr step's 'force' (migrate never replaces a tag)", force);
        assertEquals("(fixed by migrate)", EksToAksMigrationCallable.NAMES.copyImages().parallel(),
                "an option migrate fixes names no option of the step");
    }
}
