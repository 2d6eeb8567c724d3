package io.jenkins.plugins.eks2aks.manifests.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code kubectl kustomize}, when kubectl is installed: the real Kustomize, for the overlay tests. */
public final class Kubectl {

    private Kubectl() {
    }

    public static boolean available() {
        try {
            Process p = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The objects {@code kubectl kustomize} builds from {@code overlay} (files outside it allowed). */
    public static List<JsonNode> kustomize(Path overlay) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("kubectl", "kustomize", "--load-restrictor", "LoadRestrictionsNone", overlay.toString())
                .redirectError(ProcessBuilder.Redirect.PIPE).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("kubectl kustomize failed: " + err);
        }
        List<JsonNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> it = new YAMLMapper().readerFor(JsonNode.class).readValues(out)) {
            while (it.hasNext()) {
                objects.add(it.next());
            }
        }
        return objects;
    }
}
