package io.jenkins.plugins.eks2aks.manifests;

import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything a conversion needs, resolved once at the edge (CLI flags or step parameters over the mapping file).
 *
 * @param input            a manifest file or a directory of manifests
 * @param output           the directory to write: {@code manifests/} (or {@code overlay/}) and {@code report/}
 * @param mapping          the migration's decisions
 * @param dryRun           convert and report, write nothing
 * @param format           files mirroring the input, or a Kustomize overlay
 * @param veleroConfigMaps also write the ConfigMaps Velero needs to restore with the same result
 * @param forceOutput      replace {@code output} even when eks2aks did not write it
 * @param exclusions       input paths to leave out: not read, not converted, not copied
 * @param names            how the front end spells its options, for the messages and decisions that name one
 */
public record ConversionRequest(Path input, Path output, MigrationMapping mapping, boolean dryRun, OutputFormat format,
                                boolean veleroConfigMaps, boolean forceOutput, PathExclusions exclusions,
                                ConvertOptions.Names names) {

    public ConversionRequest {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(exclusions, "exclusions");
        Objects.requireNonNull(names, "names");
    }

    /** In the command line's words: for tests and tools that convert without a front end. */
    public ConversionRequest(Path input, Path output, MigrationMapping mapping, boolean dryRun, OutputFormat format,
                             boolean veleroConfigMaps, boolean forceOutput, PathExclusions exclusions) {
        this(input, output, mapping, dryRun, format, veleroConfigMaps, forceOutput, exclusions, ConvertOptions.Names.CLI);
    }

    /** Nothing excluded. */
    public ConversionRequest(Path input, Path output, MigrationMapping mapping, boolean dryRun, OutputFormat format,
                             boolean veleroConfigMaps, boolean forceOutput) {
        this(input, output, mapping, dryRun, format, veleroConfigMaps, forceOutput, PathExclusions.NONE);
    }

    /** An output folder eks2aks wrote, or a new or empty one. */
    public ConversionRequest(Path input, Path output, MigrationMapping mapping, boolean dryRun, OutputFormat format,
                             boolean veleroConfigMaps) {
        this(input, output, mapping, dryRun, format, veleroConfigMaps, false);
    }

    /** Files output, no Velero ConfigMaps. */
    public ConversionRequest(Path input, Path output, MigrationMapping mapping, boolean dryRun) {
        this(input, output, mapping, dryRun, OutputFormat.FILES, false, false);
    }
}
