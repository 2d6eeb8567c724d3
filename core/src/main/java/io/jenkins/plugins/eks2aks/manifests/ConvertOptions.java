package io.jenkins.plugins.eks2aks.manifests;

import io.jenkins.plugins.eks2aks.OptionException;
import io.jenkins.plugins.eks2aks.files.PathScope;
import io.jenkins.plugins.eks2aks.mapping.MappingOverrides;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A conversion as a front end receives it: the CLI's options or the {@code convertManifests} step's parameters, as
 * plain values. {@link #request} is the one place that validates them and applies the defaults, so both front ends
 * accept and refuse the same things with the same messages, each in its own option names.
 *
 * @param input            manifest file or folder, as given
 * @param output           output folder, as given
 * @param mappingFile      mapping file, as given, or null (then INPUT/eks2aks.yaml when it exists)
 * @param acr              default ACR, or null
 * @param registryMap      {@code ecr=acr} entries
 * @param ingressTarget    webapprouting, agic or agc, or null
 * @param targetAksVersion e.g. 1.33, or null
 * @param format           files or kustomize
 * @param veleroConfigMaps also write the ConfigMaps a Velero restore needs
 * @param failOn           decisions, conflicts or never
 * @param dryRun           convert and report, write nothing
 * @param force            replace the output folder even when eks2aks did not write it
 * @param exclude          globs of input paths to leave out ({@link PathExclusions})
 */
public record ConvertOptions(String input, String output, String mappingFile, String acr, List<String> registryMap,
                             String ingressTarget, String targetAksVersion, String format, boolean veleroConfigMaps,
                             String failOn, boolean dryRun, boolean force, List<String> exclude) {

    /**
     * How a front end spells each option, for messages: {@code --out} on the command line, {@code 'output'} in a step.
     *
     * @param frontEnd the options that give ECR images their ACR target and the commands or steps decisions name
     */
    public record Names(String input, String output, String mappingFile, String format, String failOn, String exclude,
                        FrontEndNames frontEnd) {

        /** The command line's spellings. */
        public static final Names CLI = new Names("INPUT", "--out", "--mapping", "--format", "--fail-on", "--exclude",
                FrontEndNames.CLI);

        /** {@code --format files}: how to ask for the files format, for messages about what an overlay cannot hold. */
        public String filesFormat() {
            return format + " files";
        }
    }

    public ConvertOptions {
        registryMap = registryMap == null ? new ArrayList<>() : new ArrayList<>(registryMap);
        exclude = exclude == null ? new ArrayList<>() : new ArrayList<>(exclude);
    }

    /**
     * Checks what can be checked without reading a file (choices, mapping overrides), so a step fails on the
     * controller before an agent is used.
     */
    public FailOn check(Names names) {
        if (input == null || input.isBlank()) {
            throw new OptionException(names.input() + " is required: a manifest file or folder");
        }
        format(names);
        PathExclusions.of(exclude, names.exclude());
        overrides(null).applyTo(MigrationMapping.defaults());
        return failOn(names);
    }

    /** The failure policy, parsed. */
    public FailOn failOn(Names names) {
        return FailOn.parse(failOn, names.failOn());
    }

    /**
     * The validated request: paths resolved in {@code scope} (a step's workspace confines them), the output
     * checked against the inputs and the base folder, the mapping file read with the overrides on top.
     */
    public ConversionRequest request(Names names, PathScope scope) {
        check(names);
        Path in = scope.input(input, names.input());
        Path mapping = scope.input(mappingFile, names.mappingFile());
        List<Path> inputs = new ArrayList<>();
        inputs.add(in);
        inputs.add(mapping);
        Path out = scope.output(output, names.output(), inputs);
        return new ConversionRequest(in, out, overrides(mapping).resolve(in), dryRun, format(names), veleroConfigMaps, force,
                PathExclusions.of(exclude, names.exclude()), names);
    }

    /** The mapping file the request reads for {@code input} (explicit or discovered), or null. */
    public Path mappingFileFor(Names names, PathScope scope) {
        return overrides(scope.input(mappingFile, names.mappingFile())).fileFor(scope.input(input, names.input()));
    }

    private MappingOverrides overrides(Path mapping) {
        return new MappingOverrides(mapping, acr, registryMap, ingressTarget, targetAksVersion);
    }

    private OutputFormat format(Names names) {
        try {
            return OutputFormat.fromKey(format == null ? "files" : format);
        } catch (IllegalArgumentException e) {
            throw OptionException.invalidChoice(names.format(), format, "files, kustomize");
        }
    }
}
