package io.jenkins.plugins.eks2aks.steps.convert;

import hudson.model.TaskListener;
import io.jenkins.plugins.eks2aks.steps.ClassFilterChannel;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With a local workspace FilePath.act does not serialize the callable, so this test does what the remoting
 * channel does: serialize it, send the copy, run it, and check that what comes back is plain JDK types
 * (JEP-200 rejects anything else that has no plugin manifest).
 */
class ConvertManifestsCallableTest {

    /** The build log as a remoting channel would deliver it: serializable, writing to this JVM's buffer. */
    static final class BufferListener implements TaskListener {
        private static final long serialVersionUID = 1L;
        static final ByteArrayOutputStream BUFFER = new ByteArrayOutputStream();

        @Override
        public PrintStream getLogger() {
            return new PrintStream(BUFFER, true, StandardCharsets.UTF_8);
        }
    }

    @Test
    void survivesSerializationAndReturnsOnlyJdkTypes(@TempDir Path workspace) throws Exception {
        Files.writeString(workspace.resolve("pod.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n"
                + "  - {name: a, image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/a:1}\n");
        ConvertManifestsCallable callable = new ConvertManifestsCallable(new ConvertManifestsCallable.Parameters("pod.yaml",
                "out", "contoso", new ArrayList<>(List.of("210987654321.dkr.ecr.eu-west-1.amazonaws.com=b.azurecr.io")),
                null, "files", false, null, null, false, "conflicts", false, new ArrayList<>(List.of("*.json"))), null).withListener(new BufferListener());

        ConvertManifestsCallable copy = roundTrip(callable);
        Map<String, Object> result = roundTrip(copy.invoke(workspace.toFile(), null));

        assertEquals(1, result.get("changes"));
        assertTrue(Files.readString(workspace.resolve("out/manifests/pod.yaml")).contains("contoso.azurecr.io/a:1"));
        assertTrue(BufferListener.BUFFER.toString(StandardCharsets.UTF_8).contains("[convert] Reading " + workspace.resolve("pod.yaml")));
        assertOnlyJdkTypes(result);
    }

    @Test
    void aDecisionInTheBuildLogNamesTheStepsParametersNotTheCommandLinesOptions(@TempDir Path workspace) throws Exception {
        String ecr = "123456789012.dkr.ecr.us-east-1.amazonaws.com";
        Files.writeString(workspace.resolve("pod.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n"
                + "  - {name: a, image: " + ecr + "/a:1}\n");
        BufferListener.BUFFER.reset();
        ConvertManifestsCallable callable = new ConvertManifestsCallable(new ConvertManifestsCallable.Parameters("pod.yaml",
                "out", null, new ArrayList<>(), null, "files", false, null, null, true, "never", false, new ArrayList<>()), null)
                .withListener(new BufferListener());

        roundTrip(roundTrip(callable).invoke(workspace.toFile(), null));

        String log = BufferListener.BUFFER.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("set acr in eks2aks.yaml (or 'acr'), or registries.\"" + ecr + "\": <acr>.azurecr.io in eks2aks.yaml "
                + "(or 'registryMap' " + ecr + "=<acr>.azurecr.io)"), log);
        assertFalse(log.contains("--acr") || log.contains("--registry-map"), log);
    }

    private static void assertOnlyJdkTypes(Object value) {
        if (value == null) {
            return;
        }
        assertTrue(value.getClass().getName().startsWith("java."), value.getClass().getName());
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                assertOnlyJdkTypes(k);
                assertOnlyJdkTypes(v);
            });
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) {
        return (T) ClassFilterChannel.roundTrip(value, String.valueOf(value));
    }
}
