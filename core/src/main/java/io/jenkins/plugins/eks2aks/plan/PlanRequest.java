package io.jenkins.plugins.eks2aks.plan;

import java.nio.file.Path;

/**
 * A validated plan request; build it with {@link PlanOptions#request}.
 *
 * @param manifests     the EKS manifests
 * @param inventoryFile an {@code inventory.json}, or null
 * @param dump          a cluster dump, or null
 * @param mappingFile   the mapping file named, or null to look for {@code MANIFESTS/eks2aks.yaml}
 * @param ledgerFile    where measured throughputs are read from (it need not exist)
 * @param output        the output folder
 * @param force         replace an output folder eks2aks did not write
 * @param given         the options as the user gave them: the reports show these paths, not this machine's
 * @param names         how the front end spells its options and steps, for messages and notes
 */
public record PlanRequest(Path manifests, Path inventoryFile, Path dump, Path mappingFile, Path ledgerFile, Path output,
                          boolean force, PlanOptions given,
                          PlanOptions.Names names) {
}
