package io.jenkins.plugins.eks2aks.manifests.rules.api;

import io.jenkins.plugins.eks2aks.manifests.rules.BundledExample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static io.jenkins.plugins.eks2aks.manifests.rules.BundledExample.assertApplied;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The API removal rules on {@code examples/eks-sample}, run through the whole conversion with every other rule. */
class ApiRemovalsOnTheBundledExampleTest {

    private static final Pattern OURS = Pattern.compile("^API[0-9]+$");

    @Test
    void theRemovedCronJobAndHpaApisMoveToTheirCurrentVersions(@TempDir Path tmp) throws IOException {
        BundledExample example = BundledExample.convert(tmp, "acr: contoso.azurecr.io\n");

        assertApplied(example.change("jobs.yaml", "CronJob", "nightly-report", "/apiVersion"), "API2", "AUTO", "batch/v1");
        assertApplied(example.change("autoscaling.yaml", "HorizontalPodAutoscaler", "web", "/apiVersion"), "API3", "AUTO",
                "autoscaling/v2");
        example.assertNoConflictInvolves(OURS);

        assertTrue(example.manifest("jobs.yaml").contains("apiVersion: batch/v1\n"));
        String hpa = example.manifest("autoscaling.yaml");
        assertTrue(hpa.contains("apiVersion: autoscaling/v2\n"), hpa);
        assertTrue(hpa.contains("averageUtilization: 70"), hpa);
    }
}
