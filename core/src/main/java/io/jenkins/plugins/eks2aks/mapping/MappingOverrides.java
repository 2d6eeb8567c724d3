package io.jenkins.plugins.eks2aks.mapping;

import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.images.RegistryMap;

import io.jenkins.plugins.eks2aks.kubernetes.SupportCalendar;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Command-line flags or step parameters that override the mapping file. The CLI and the Jenkins step build
 * one of these and resolve the mapping the same way.
 *
 * @param mappingFile      the mapping file given explicitly, or null (then INPUT/eks2aks.yaml, if any)
 * @param acr              default ACR, or null
 * @param registryMap      {@code ecr=acr} entries
 * @param ingressTarget    webapprouting, agic or agc, or null
 * @param targetAksVersion e.g. 1.33, or null
 */
public record MappingOverrides(Path mappingFile, String acr, List<String> registryMap, String ingressTarget,
                               String targetAksVersion) {

    public MappingOverrides {
        registryMap = registryMap == null ? List.of() : List.copyOf(registryMap);
    }

    /** The mapping for converting {@code input}: the file (explicit or discovered) with these overrides on top. */
    public MigrationMapping resolve(Path input) {
        return resolve(input, LocalDate.now(ZoneOffset.UTC));
    }

    /**
     * As {@link #resolve(Path)} on {@code today}: when neither the file nor a flag names the target AKS version, it
     * is the one inventory defaults to, the oldest AKS version still supported on {@code today} (convert does not
     * know the source cluster's version, which inventory also requires the target not to be older than).
     */
    public MigrationMapping resolve(Path input, LocalDate today) {
        Path file = MappingFile.discover(input, mappingFile);
        MigrationMapping mapping = applyTo(file == null ? MigrationMapping.defaults() : MappingFile.load(file));
        return mapping.targetAksVersionGiven() ? mapping
                : mapping.withTargetAksVersion(SupportCalendar.defaultAksTarget(null, today).toString());
    }

    /** {@code base} with these overrides on top, validated; reads no file. */
    public MigrationMapping applyTo(MigrationMapping base) {
        MigrationMapping mapping = base;
        if (acr != null && !acr.isBlank()) {
            mapping = mapping.withAcr(acr.trim());
        }
        if (!registryMap.isEmpty()) {
            mapping = mapping.withRegistries(RegistryMap.parseEntries(registryMap));
        }
        if (ingressTarget != null && !ingressTarget.isBlank()) {
            try {
                mapping = mapping.withIngress(IngressTarget.fromKey(ingressTarget.trim()));
            } catch (IllegalArgumentException e) {
                throw new MigrationException("Invalid ingress target '" + ingressTarget + "': allowed are webapprouting, agic, agc");
            }
        }
        if (targetAksVersion != null && !targetAksVersion.isBlank()) {
            if (!targetAksVersion.trim().matches("1\\.\\d{2}")) {
                throw new MigrationException("Invalid target AKS version '" + targetAksVersion + "': expected e.g. 1.33");
            }
            mapping = mapping.withTargetAksVersion(targetAksVersion.trim());
        }
        return mapping;
    }

    /** The mapping file that {@link #resolve} reads, or null. */
    public Path fileFor(Path input) {
        return MappingFile.discover(input, mappingFile);
    }
}
