package io.jenkins.plugins.eks2aks.mapping;

import io.jenkins.plugins.eks2aks.kubernetes.KubernetesVersion;
import io.jenkins.plugins.eks2aks.kubernetes.SupportCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** convert and inventory default to the same target AKS version: the oldest AKS still supports on the day. */
class MappingOverridesTest {

    private static final LocalDate DEC_2026 = LocalDate.of(2026, 12, 5);

    @Test
    void withoutFileOrFlagTheTargetIsTheOneInventoryDefaultsTo(@TempDir Path tmp) {
        MigrationMapping mapping = new MappingOverrides(null, null, List.of(), null, null).resolve(tmp, DEC_2026);

        assertEquals("1.35", mapping.targetAksVersion(), "AKS 1.34 ended with November 2026");
        assertEquals(SupportCalendar.defaultAksTarget(null, DEC_2026).toString(), mapping.targetAksVersion());
        assertEquals(KubernetesVersion.of("1.34"), SupportCalendar.defaultAksTarget(null, LocalDate.of(2026, 11, 26)));
    }

    @Test
    void theFileOrTheFlagWins(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve(MappingFile.FILE_NAME), "targetAksVersion: \"1.33\"\n");

        assertEquals("1.33", new MappingOverrides(null, null, List.of(), null, null).resolve(tmp, DEC_2026).targetAksVersion());
        assertEquals("1.36", new MappingOverrides(null, null, List.of(), null, "1.36").resolve(tmp, DEC_2026).targetAksVersion());
    }
}
