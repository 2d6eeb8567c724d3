package io.jenkins.plugins.eks2aks.steps.inventory;

import hudson.EnvVars;
import hudson.model.Run;
import io.jenkins.plugins.eks2aks.steps.ClassFilterChannel;
import io.jenkins.plugins.eks2aks.steps.credentials.AwsKeys;
import io.jenkins.plugins.eks2aks.steps.credentials.CredentialsLookup;
import io.jenkins.plugins.eks2aks.steps.credentials.StepCredentials;
import io.jenkins.plugins.eks2aks.testservers.TestServerInstall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;

/** What the remoting channel does: serialize the callable (with derived keys), run the copy, return JDK types. */
class EksInventoryCallableTest {

    @Test
    void survivesSerializationWithItsKeysAndReturnsOnlyJdkTypes(@TempDir Path workspace) throws Exception {
        AwsKeys keys = new StepCredentials(new CredentialsLookup() {
            @Override
            public <C extends com.cloudbees.plugins.credentials.common.IdCredentials> C find(String id, Class<C> type, Run<?, ?> r) {
                return null;
            }
        }).aws("eksInventory", null, mock(Run.class), new EnvVars("AWS_ACCESS_KEY_ID", "AKIASERIAL", "AWS_SECRET_ACCESS_KEY", "serial-secret"));
        HashMap<String, String> settings = new HashMap<>(Map.of("AWS_REGION", "us-east-1"));
        copyTree(TestServerInstall.repositoryRoot().resolve("examples/eks-sample/cluster-dump"), workspace.resolve("dump"));
        EksInventoryCallable callable = new EksInventoryCallable(new EksInventoryCallable.Parameters(null, null, "dump", null, null,
                "out", "1.29", null, false), keys, settings, new BufferListener());

        EksInventoryCallable copy = (EksInventoryCallable) ClassFilterChannel.roundTrip(callable, "callable");
        @SuppressWarnings("unchecked")
        HashMap<String, Object> result = (HashMap<String, Object>) ClassFilterChannel.roundTrip(copy.invoke(workspace.toFile(), null), "result");

        assertEquals(5, result.get("ecrImages"));
        assertOnlyJdkTypes(result);
        String log = BufferListener.BUFFER.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("[inventory] Reading cluster dump"), log);
        assertFalse(log.contains("serial-secret"));
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    static void assertOnlyJdkTypes(Object value) {
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
        if (value instanceof Iterable<?> list) {
            list.forEach(EksInventoryCallableTest::assertOnlyJdkTypes);
        }
    }

    static byte[] serialize(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    static <T> T deserialize(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (T) in.readObject();
        }
    }
}
