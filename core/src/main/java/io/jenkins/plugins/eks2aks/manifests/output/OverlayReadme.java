package io.jenkins.plugins.eks2aks.manifests.output;

/** The overlay's README: how to build it, what it holds, and what it could not express. */
final class OverlayReadme {

    static final String DUPLICATES = "Kustomize refuses a base that holds an object twice; convert the sources "
            + "separately (e.g. manifests and a cluster export)";

    private OverlayReadme() {
    }

    static String of(OverlayPlan plan) {
        StringBuilder md = new StringBuilder();
        md.append("# AKS overlay\n\n");
        md.append("Written by eks2aks from `").append(plan.inputRoot()).append("`. The base stays the EKS truth; ")
                .append("this overlay holds the AKS changes, from the same change list as `").append(plan.filesFormat()).append("` ")
                .append("(see `../report/conversion-report.html` for every change and its reason).\n\n");
        md.append("## Build\n\n```sh\n").append(plan.buildCommand()).append("\n```\n\n");
        if (plan.base()) {
            md.append("The input is a Kustomize base, so the overlay references its directory. Patches target ")
                    .append("objects by the names and namespaces written in the base's files: a base that renames ")
                    .append("them (`namePrefix`, `namespace`) needs the targets adjusted.\n\n");
        } else {
            int resources = plan.resources().size();
            md.append("The input has no `kustomization.yaml`, so the overlay lists its ").append(resources)
                    .append(" file").append(resources == 1 ? "" : "s").append(" one by one. Kustomize only ")
                    .append("loads files from outside the overlay with `").append(OverlayPlan.LOAD_RESTRICTOR).append("` ")
                    .append("(`kustomize build` and `kubectl kustomize` both take it; Argo CD has it as a build option). ")
                    .append("To build without it, make the input a base: add this `kustomization.yaml` to it and ")
                    .append("convert again; the overlay then references the directory.\n\n```yaml\n")
                    .append("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n");
            for (String file : plan.inputFiles()) {
                md.append("- ").append(YamlText.scalar(file)).append('\n');
            }
            md.append("```\n\n");
        }
        md.append("## What it holds\n\n");
        int images = plan.images().entries().size();
        md.append("- `images:` ").append(images).append(" repositor").append(images == 1 ? "y" : "ies")
                .append(" moved as a whole (every container image of the repository moves the same way, tag and digest kept).\n");
        long deletes = plan.patches().stream().filter(OverlayPatch::delete).count();
        long patches = plan.patches().size() - deletes;
        md.append("- `patches:` ").append(patches).append(" RFC 6902 patch").append(patches == 1 ? "" : "es")
                .append(" (one per changed object, paths relative to the object) and ")
                .append(deletes).append(" `$patch: delete` for the objects left out of the migration.\n");
        md.append("- Items of a `kind: List` are patched like any object: Kustomize expands a List into its items.\n\n");
        if (!plan.versionChanges().isEmpty()) {
            md.append("## Objects whose apiVersion changes\n\n")
                    .append("Their patch targets the version the base has and replaces `apiVersion` (Kustomize 5 applies such ")
                    .append("patches; tested with the kustomize 5.5 in kubectl 1.32). A patch you layer on top of this overlay ")
                    .append("must target the new version.\n\n");
            plan.versionChanges().forEach(v -> md.append("- ").append(v).append('\n'));
            md.append('\n');
        }
        section(md, "Image moves kept as patches", plan.images().notes());
        section(md, "Not in the overlay", plan.notExpressed());
        if (!plan.duplicates().isEmpty()) {
            md.append("## Objects in the input more than once\n\n").append(DUPLICATES).append(".\n\n");
            plan.duplicates().forEach(n -> md.append("- ").append(n).append('\n'));
            md.append('\n');
        }
        int pending = plan.pendingDecisions();
        if (pending > 0) {
            md.append("## Decisions pending\n\n").append(pending).append(pending == 1 ? " change needs" : " changes need")
                    .append(" a decision (see the report); the overlay will hold them once the mapping file ")
                    .append("supplies them and the conversion is run again.\n");
        }
        return md.toString();
    }

    private static void section(StringBuilder md, String title, java.util.List<String> lines) {
        if (!lines.isEmpty()) {
            md.append("## ").append(title).append("\n\n");
            lines.forEach(n -> md.append("- ").append(n).append('\n'));
            md.append('\n');
        }
    }
}
