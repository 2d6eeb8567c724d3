package io.jenkins.plugins.eks2aks.manifests.output;

import io.jenkins.plugins.eks2aks.conversion.ManifestConversion;
import io.jenkins.plugins.eks2aks.events.EventSink;
import io.jenkins.plugins.eks2aks.manifests.ConversionRequest;
import io.jenkins.plugins.eks2aks.manifests.Upstream;
import io.jenkins.plugins.eks2aks.mapping.MappingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A file the conversion leaves out also leaves the kustomizations that list it, so the output still builds. */
class KustomizationsStayBuildableTest {

    @Test
    void anExcludedFileLeavesTheKustomizationsResources(@TempDir Path tmp) throws Exception {
        Path input = Upstream.path("eks-workshop-v2/manifests/modules/fundamentals/storage/efs");
        Path out = tmp.resolve("out");
        // With SMB the EFS class gives way to the built-in azurefile-csi-premium: its file is left out.
        new ManifestConversion(EventSink.NONE).run(new ConversionRequest(input, out,
                MappingFile.parse("eks2aks.yaml", "efsProtocol: smb"), false));

        Path manifests = out.resolve("manifests/storageclass");
        assertFalse(Files.exists(manifests.resolve("efsstorageclass.yaml")));
        String kustomization = Files.readString(manifests.resolve("kustomization.yaml"));
        assertFalse(kustomization.contains("efsstorageclass.yaml"), kustomization);
        assertEquals("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: []\n", kustomization);
        assumeTrue(Kubectl.available(), "kubectl is not installed");
        assertEquals(0, Kubectl.kustomize(manifests).size());
    }
}
