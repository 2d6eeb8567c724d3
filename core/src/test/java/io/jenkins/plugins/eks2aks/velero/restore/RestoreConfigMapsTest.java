package io.jenkins.plugins.eks2aks.velero.restore;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.conversion.ManifestConversion;
import io.jenkins.plugins.eks2aks.manifests.ConvertOptions;
import io.jenkins.plugins.eks2aks.events.EventSink;
import io.jenkins.plugins.eks2aks.files.PathScope;
import io.jenkins.plugins.eks2aks.manifests.output.VeleroConfigMaps;
import io.jenkins.plugins.eks2aks.testservers.TestServerInstall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The folder {@code convert --velero-configmaps} writes is what the restore reads, resource modifiers included. */
class RestoreConfigMapsTest {

    @Test
    void readsEveryConfigMapConvertWroteForTheExample(@TempDir Path tmp) {
        Path out = tmp.resolve("converted");
        ConvertOptions options = new ConvertOptions(TestServerInstall.repositoryRoot().resolve("examples/eks-sample").toString(),
                out.toString(), null, null, List.of(), null, null, "files", true, "never", false, false, List.of());
        ConvertOptions.Names names = ConvertOptions.Names.CLI;
        new ManifestConversion(EventSink.NONE).run(options.request(names, PathScope.currentFolder()));
        assertTrue(Files.isRegularFile(out.resolve("velero").resolve(VeleroConfigMaps.MODIFIERS_FILE)), "the example needs modifiers");

        List<ConfigMap> maps = RestoreConfigMaps.fromFolder(out.resolve("velero"), RestoreOptions.Names.CLI, "velero");

        ConfigMap modifiers = RestoreConfigMaps.modifiers(maps);
        assertNotNull(modifiers, "the resource modifiers are read, though they carry no plugin label");
        assertEquals(VeleroConfigMaps.MODIFIERS_CONFIGMAP, modifiers.getMetadata().getName());
        assertEquals("velero", modifiers.getMetadata().getNamespace());
        assertTrue(maps.stream().allMatch(m -> m.getMetadata().getLabels().containsKey("app.kubernetes.io/managed-by")),
                maps.toString());
    }

    @Test
    void aConfigMapThatIsNeitherIsRefusedByName(@TempDir Path tmp) throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("velero"));
        Files.writeString(folder.resolve(VeleroConfigMaps.MODIFIERS_FILE), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: b\n");

        MigrationException e = assertThrows(MigrationException.class, () -> RestoreConfigMaps.fromFolder(folder, RestoreOptions.Names.CLI, "velero"));

        assertTrue(e.getMessage().contains("is not a Velero plugin ConfigMap"), e.getMessage());
    }

    @Test
    void aFolderWithoutConfigMapsSendsTheUserToTheCommandThatWritesThem(@TempDir Path tmp) throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("velero"));

        MigrationException e = assertThrows(MigrationException.class, () -> RestoreConfigMaps.fromFolder(folder, RestoreOptions.Names.CLI, "velero"));

        assertTrue(e.getMessage().startsWith("--velero-configmaps '" + folder + "' holds no Velero ConfigMap ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("): give the velero/ folder eks2aks convert --velero-configmaps wrote"), e.getMessage());
    }
}
