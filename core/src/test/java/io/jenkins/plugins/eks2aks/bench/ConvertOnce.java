package io.jenkins.plugins.eks2aks.bench;

import io.jenkins.plugins.eks2aks.conversion.ManifestConversion;
import io.jenkins.plugins.eks2aks.manifests.ConversionRequest;
import io.jenkins.plugins.eks2aks.manifests.ConversionSummary;
import io.jenkins.plugins.eks2aks.manifests.OutputFormat;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;

import java.nio.file.Path;

/**
 * Runs one conversion with every output, for looking at the outputs while developing them (the CLI needs the
 * whole reactor built): {@code ConvertOnce <input> <output> [files|kustomize] [acr]}; Velero ConfigMaps always.
 */
public final class ConvertOnce {

    private ConvertOnce() {
    }

    public static void main(String[] args) {
        Path input = Path.of(args[0]);
        Path output = Path.of(args[1]);
        OutputFormat format = args.length > 2 ? OutputFormat.fromKey(args[2]) : OutputFormat.KUSTOMIZE;
        String acr = args.length > 3 ? args[3] : "contoso.azurecr.io";
        ConversionSummary summary = new ManifestConversion(e -> System.out.println(e.level() + " " + e.message()))
                .run(new ConversionRequest(input, output, MigrationMapping.defaults().withAcr(acr), false, format, true));
        System.out.println(summary.toMap());
    }
}
