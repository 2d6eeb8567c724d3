package io.jenkins.plugins.eks2aks.manifests.rules.storage;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.ConversionRule;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.PodSpecs;
import io.jenkins.plugins.eks2aks.manifests.Pointers;
import io.jenkins.plugins.eks2aks.manifests.RuleContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PV1–PV3: every claim follows its class to AKS: PersistentVolumeClaims, StatefulSet volumeClaimTemplates
 * (which Velero's class mapping does not touch, velero#4375) and generic ephemeral volumes of any pod-bearing
 * object. A class replaced by an AKS class is renamed in the claim; a ReadWriteMany claim that would land on
 * Azure Disk, which attaches to one node at a time, is a decision instead.
 */
public final class ClaimStorageClassRule implements ConversionRule {

    public static final String ID = "PV1";
    private static final String LEGACY_ANNOTATION = "volume.beta.kubernetes.io/storage-class";

    private final StorageClassTargets targets;

    public ClaimStorageClassRule(RuleContext context) {
        this.targets = new StorageClassTargets(context.mapping(), context.index());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(KubeObject object) {
        return !claims(object).isEmpty();
    }

    @Override
    public List<Change> apply(KubeObject object) {
        List<Change> out = new ArrayList<>();
        for (ClaimAt claim : claims(object)) {
            String className = object.at(claim.classPointer()).asText("");
            if (!className.isEmpty()) {
                convert(object, claim, className).ifPresent(out::add);
            }
        }
        return out;
    }

    private Optional<Change> convert(KubeObject object, ClaimAt claim, String className) {
        ClassTarget target = targets.forClaim(className, object.document().file());
        boolean readWriteMany = false;
        for (JsonNode mode : object.at(claim.specPointer() + "/accessModes")) {
            readWriteMany |= "ReadWriteMany".equals(mode.asText());
        }
        if (readWriteMany && target.isDisk()) {
            return Optional.of(Changes.of(object, "PV3").decision(claim.classPointer(), claim.what()
                    + " asks for ReadWriteMany, but StorageClass " + className + " lands on Azure Disk ("
                    + target.target() + "), which attaches to one node at a time: create a shared-disk class (maxShares "
                    + "≥ 2, volumeMode Block) or use an Azure Files class, and set storageClasses." + className
                    + " to it (catalog PV3; S2, S3)").withMappingKeys(StorageClassTargets.KEY + "." + className));
        }
        String rule = target.family() == AwsVolumeFamily.EFS && readWriteMany ? "PV2" : ID;
        return StorageClassReference.change(object, claim.classPointer(), claim.what(), className, target, rule);
    }

    /** Every claim of the object: where its spec is, where its class name is, and how to name it in a reason. */
    private static List<ClaimAt> claims(KubeObject object) {
        List<ClaimAt> out = new ArrayList<>();
        if ("PersistentVolumeClaim".equals(object.kind())) {
            out.add(new ClaimAt("/spec", "/spec/storageClassName", "claim"));
            if (object.at("/metadata/annotations").has(LEGACY_ANNOTATION)) {
                out.add(new ClaimAt("/spec", Pointers.child("/metadata/annotations", LEGACY_ANNOTATION), "claim (beta annotation)"));
            }
            return out;
        }
        JsonNode templates = object.at("/spec/volumeClaimTemplates");
        for (int i = 0; i < templates.size(); i++) {
            String spec = "/spec/volumeClaimTemplates/" + i + "/spec";
            out.add(new ClaimAt(spec, spec + "/storageClassName", "volumeClaimTemplate '"
                    + templates.get(i).at("/metadata/name").asText() + "'"));
        }
        PodSpecs.podSpecPointer(object).ifPresent(podSpec -> {
            JsonNode volumes = object.at(podSpec + "/volumes");
            for (int i = 0; i < volumes.size(); i++) {
                if (volumes.get(i).has("ephemeral")) {
                    String spec = podSpec + "/volumes/" + i + "/ephemeral/volumeClaimTemplate/spec";
                    out.add(new ClaimAt(spec, spec + "/storageClassName", "ephemeral volume '"
                            + volumes.get(i).path("name").asText() + "'"));
                }
            }
        });
        return out;
    }

    private record ClaimAt(String specPointer, String classPointer, String what) {
    }
}
