package io.jenkins.plugins.eks2aks.manifests.output;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.jenkins.plugins.eks2aks.manifests.output.VeleroConfigMaps.IMAGE_NAME_CONFIGMAP;
import static io.jenkins.plugins.eks2aks.manifests.output.VeleroConfigMaps.IMAGE_NAME_FILE;
import static io.jenkins.plugins.eks2aks.manifests.output.VeleroConfigMaps.MODIFIERS_CONFIGMAP;
import static io.jenkins.plugins.eks2aks.manifests.output.VeleroConfigMaps.MODIFIERS_FILE;
import static io.jenkins.plugins.eks2aks.manifests.output.VeleroConfigMaps.STORAGE_CLASS_CONFIGMAP;
import static io.jenkins.plugins.eks2aks.manifests.output.VeleroConfigMaps.STORAGE_CLASS_FILE;

/** The README beside the Velero ConfigMaps: how to apply them, what each holds, and what the restore leaves. */
final class VeleroReadme {

    static final String DUPLICATES = "the backup holds each such object once; the modifiers carry a rule for "
            + "each copy, and the second can fail on what the first changed; convert one source (a live export fits a "
            + "backup best)";

    private VeleroReadme() {
    }

    /** @param files the ConfigMap files written, in order */
    static String of(VeleroPlan plan, Map<String, String> files) {
        int classRows = plan.storageClasses().rows().size();
        int imageRows = plan.imageNames().rows().size();
        int rules = plan.modifiers().rules().size();
        int internalLoadBalancers = plan.modifiers().internalLoadBalancers();
        StringBuilder md = new StringBuilder();
        md.append("# Velero restore ConfigMaps\n\n");
        md.append("Written by eks2aks from the same change list as the converted manifests, so that restoring the EKS ")
                .append("backup on AKS gives the converted objects. Apply them in the Velero namespace of the AKS cluster ")
                .append("before the restore:\n\n```sh\n");
        StringBuilder apply = new StringBuilder("kubectl apply");
        files.keySet().stream().filter(f -> f.endsWith(".yaml")).forEach(f -> apply.append(" -f ").append(f));
        if (files.keySet().stream().anyMatch(f -> f.endsWith(".yaml"))) {
            md.append(apply).append('\n');
        }
        StringBuilder restore = new StringBuilder("velero restore create --from-backup <backup>");
        if (rules > 0) {
            restore.append(" --resource-modifier-configmap ").append(MODIFIERS_CONFIGMAP);
        }
        md.append(restore).append("\n```\n\n");
        if (internalLoadBalancers > 0) {
            md.append("**Restore with the resource modifiers.** They keep ").append(internalLoadBalancers)
                    .append(" internal load balancer").append(internalLoadBalancers == 1 ? "" : "s")
                    .append(" internal (`").append(VeleroModifierRules.INTERNAL_LB).append("`); restored without them, an AKS load ")
                    .append("balancer is public.\n\n");
        }
        md.append("| File | ConfigMap | Rows |\n|---|---|---:|\n");
        md.append("| `").append(STORAGE_CLASS_FILE).append("` | ").append(classRows > 0 ? "`" + STORAGE_CLASS_CONFIGMAP + "`" : "not written: no class changes")
                .append(" | ").append(classRows).append(" |\n");
        md.append("| `").append(IMAGE_NAME_FILE).append("` | ").append(imageRows > 0 ? "`" + IMAGE_NAME_CONFIGMAP + "`" : "not written: no image moves")
                .append(" | ").append(imageRows).append(" |\n");
        md.append("| `").append(MODIFIERS_FILE).append("` | ").append(rules > 0 ? "`" + MODIFIERS_CONFIGMAP + "`" : "not written: nothing else to change")
                .append(" | ").append(rules).append(" rule").append(rules == 1 ? "" : "s").append(" |\n\n");
        md.append("- Velero reads change-storage-class and change-image-name by their labels and fails when two ConfigMaps ")
                .append("have the same label: remove older ones first. change-storage-class fails an item whose new class ")
                .append("does not exist on AKS.\n");
        md.append("- change-image-name rewrites substrings, in no fixed order: no image matches two rows that rewrite it ")
                .append("differently, and no image the conversion keeps matches a row.\n");
        md.append("- The resource modifiers run after Velero's own restore actions and replay the conversion's JSON ")
                .append("patches on each object. They were computed from the input manifests: a backup object that differs ")
                .append("(a live export has more annotations, defaulted fields) can make a patch fail, and Velero then ")
                .append("reports an error for that object and restores it without the rule's changes. Converting a live ")
                .append("export (`kubectl get -o yaml`) of the same cluster gives patches that fit the backup best.\n\n");
        excluded(md, plan.excluded(), plan.excludedNamespaces());
        if (!plan.modifiers().leftToVelero().isEmpty()) {
            md.append("## Left to Velero\n\nVelero resets these itself on restore (status, server-set metadata, Service ")
                    .append("cluster IPs and node ports, PVC binding annotations), so the modifiers do not repeat them:\n\n");
            lines(md, plan.modifiers().leftToVelero());
        }
        List<String> notes = plan.notes();
        if (!notes.isEmpty() || !plan.modifiers().notCarried().isEmpty()) {
            md.append("## Notes\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
            lines(md, plan.modifiers().notCarried());
        }
        if (!plan.duplicates().isEmpty()) {
            md.append("## Objects in the input more than once\n\n").append(Character.toUpperCase(DUPLICATES.charAt(0)))
                    .append(DUPLICATES.substring(1)).append(".\n\n");
            lines(md, plan.duplicates());
        }
        int pending = plan.pendingDecisions();
        if (pending > 0) {
            md.append(pending).append(pending == 1 ? " change still needs" : " changes still need")
                    .append(" a decision (see the report); they are in none of these ConfigMaps.\n");
        }
        return md.toString();
    }

    private static void excluded(StringBuilder md, List<VeleroPlan.Excluded> excluded, Set<String> namespaces) {
        if (excluded.isEmpty()) {
            return;
        }
        md.append("## Objects the conversion leaves out\n\n")
                .append("Velero restores whatever the backup holds and has no per-object exclusion. Delete these ")
                .append("objects after the restore, label them `velero.io/exclude-from-backup=true` before the backup, ")
                .append("or add `--exclude-resources` for a resource the backup holds nothing else of you need.");
        if (!namespaces.isEmpty()) {
            md.append(" Every object of the input in ").append(String.join(", ", namespaces))
                    .append(" is left out: if the backup holds nothing else you need there, add `--exclude-namespaces ")
                    .append(String.join(",", namespaces)).append("` to the restore.");
        }
        md.append("\n\n");
        for (VeleroPlan.Excluded o : excluded) {
            md.append("- ").append(o.ref()).append(" (`").append(o.groupResource()).append("`): ").append(o.reason()).append('\n');
        }
        md.append('\n');
    }

    /** The lines as a list, then a blank line. */
    private static void lines(StringBuilder md, List<String> lines) {
        lines.forEach(l -> md.append("- ").append(l).append('\n'));
        md.append('\n');
    }
}
