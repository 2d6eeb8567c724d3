package io.jenkins.plugins.eks2aks.manifests.output;

import io.jenkins.plugins.eks2aks.images.RegistryMap;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.ConversionResult;
import io.jenkins.plugins.eks2aks.manifests.ConversionRule;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.ManifestConverter;
import io.jenkins.plugins.eks2aks.manifests.ManifestReader;
import io.jenkins.plugins.eks2aks.manifests.ManifestSet;
import io.jenkins.plugins.eks2aks.manifests.Manifests;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;
import io.jenkins.plugins.eks2aks.manifests.rules.EcrImageRule;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Small rules for the output tests, so that they depend on the shape of the change list and not on the
 * catalog's rules (which have their own tests): each proposes the kind of change a catalog family does.
 */
final class TestRules {

    static final String ECR = "123456789012.dkr.ecr.us-east-1.amazonaws.com";

    private TestRules() {
    }

    /** A rule with {@code id} for objects of {@code kind} ({@code *}: every kind). */
    static ConversionRule rule(String id, String kind, Function<KubeObject, List<Change>> changes) {
        return new ConversionRule() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public boolean appliesTo(KubeObject object) {
                return kind.equals("*") || object.kind().equals(kind);
            }

            @Override
            public List<Change> apply(KubeObject object) {
                return changes.apply(object);
            }
        };
    }

    /** I1 as the catalog has it: every ECR image to contoso.azurecr.io, repository, tag and digest kept. */
    static ConversionRule images() {
        return new EcrImageRule(RegistryMap.of(List.of(), "contoso.azurecr.io"));
    }

    /** I1 with a registry map ({@code source=target} entries) and no default ACR. */
    static ConversionRule images(String... entries) {
        return new EcrImageRule(RegistryMap.of(List.of(entries), null));
    }

    /** PV1-like: {@code from} → {@code to} in claims, volumes and StatefulSet claim templates. */
    static ConversionRule storageClass(String from, String to) {
        return rule("PV1", "*", o -> {
            List<Change> out = new ArrayList<>();
            List<String> paths = new ArrayList<>(List.of("/spec/storageClassName"));
            for (int i = 0; i < o.at("/spec/volumeClaimTemplates").size(); i++) {
                paths.add("/spec/volumeClaimTemplates/" + i + "/spec/storageClassName");
            }
            for (String p : paths) {
                if (o.at(p).asText("").equals(from)) {
                    out.add(Changes.of(o, "PV1").replace(p, to, RuleMode.AUTO, "class " + from + " is " + to));
                }
            }
            return out;
        });
    }

    /** W1/N1-like: sets an annotation on every object of {@code kind}. */
    static ConversionRule annotate(String id, String kind, String key, String value) {
        return rule(id, kind, o -> List.of(Changes.of(o, id).put("/metadata/annotations", key, value, RuleMode.AUTO,
                "annotation " + key + " (test rule " + id + ")")));
    }

    /** L*-like: removes an annotation where present. */
    static ConversionRule removeAnnotation(String id, String kind, String key) {
        return rule(id, kind, o -> o.at("/metadata/annotations").has(key)
                ? List.of(Changes.of(o, id).removeKey("/metadata/annotations", key, RuleMode.DROP, "AWS only: " + key))
                : List.of());
    }

    /** EX-like: leaves every object of {@code kind} named {@code name} out, naming the Azure equivalent. */
    static ConversionRule exclude(String kind, String name) {
        return rule("EX1", kind, o -> name.equals(o.ref().name())
                ? List.of(Changes.of(o, "EX1").exclude(kind + " " + name + ": AKS has its own (Azure equivalent: built in)"))
                : List.of());
    }

    /** API-like: moves objects of {@code kind} from {@code from} to {@code to}. */
    static ConversionRule apiVersion(String kind, String from, String to) {
        return rule("API1", kind, o -> o.ref().apiVersion().equals(from)
                ? List.of(Changes.of(o, "API1").replace("/apiVersion", to, RuleMode.AUTO, from + " is removed; " + to))
                : List.of());
    }

    /** STRIP-like: removes status and server-set metadata where present. */
    static ConversionRule strip() {
        return rule("STRIP", "*", o -> {
            List<Change> out = new ArrayList<>();
            for (String p : List.of("/status", "/metadata/uid", "/metadata/resourceVersion", "/spec/clusterIP")) {
                if (!o.at(p).isMissingNode()) {
                    out.add(Changes.of(o, "STRIP").remove(p, RuleMode.DROP, p + " is set by the EKS API server"));
                }
            }
            return out;
        });
    }

    /** HUMAN-like: a decision about every object of {@code kind}. */
    static ConversionRule decide(String id, String kind, String reason) {
        return rule(id, kind, o -> List.of(Changes.of(o, id).decision("/metadata/name", reason)));
    }

    static ConversionResult convert(String yaml, ConversionRule... rules) {
        return new ManifestConverter(List.of(rules)).convert(Manifests.set(yaml));
    }

    /**
     * The bundled example's manifests without its {@code cluster-dump/}, which holds the same objects as the
     * API server returns them (a base with both would hold each object twice).
     */
    static ConversionResult example(ConversionRule... rules) {
        ManifestSet all = new ManifestReader().read(Path.of("..", "examples", "eks-sample"));
        ManifestSet manifests = new ManifestSet(all.root(), true,
                all.files().stream().filter(f -> !f.path().startsWith("cluster-dump/")).toList(), all.passThrough());
        return new ManifestConverter(List.of(rules)).convert(manifests);
    }

    static ConversionResult convert(Path input, ConversionRule... rules) {
        ManifestSet set = new ManifestReader().read(input);
        return new ManifestConverter(List.of(rules)).convert(set);
    }
}
