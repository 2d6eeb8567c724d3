package io.jenkins.plugins.eks2aks.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.jenkins.plugins.eks2aks.images.EcrImageReference;
import io.jenkins.plugins.eks2aks.images.RegistryMap;
import io.jenkins.plugins.eks2aks.manifests.rules.EcrImageRule;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * I1 for the {@code images:} of a kustomization: an ECR image set there ({@code newName}, or {@code name} when
 * the resources name the ECR image themselves, with {@code newTag}/{@code digest}) is pulled from ACR, like an
 * image in a container. A kustomization is no Kubernetes object, so its changes are reported under a
 * {@code Kustomization} pseudo-object named by its path, and written into its text line by line so comments stay.
 */
public final class KustomizationImages {

    /** How reports name a kustomization: {@code Kustomization overlays/prod/kustomization.yaml}. */
    public static final String API_VERSION = "kustomize.config.k8s.io/v1beta1";
    public static final String KIND = "Kustomization";
    private static final List<String> FIELDS = List.of("name", "newName");

    private KustomizationImages() {
    }

    /**
     * The changes of every kustomization of {@code input} (each change's path is {@code /images/<i>/<field>}); a
     * decision names the options as {@code names} spells them.
     */
    public static List<ObjectChange> of(ManifestSet input, RegistryMap registries, FrontEndNames names) {
        List<ObjectChange> out = new ArrayList<>();
        if (!input.directory()) {
            return out;
        }
        for (String file : input.passThrough()) {
            if (!Kustomizations.isKustomization(file)) {
                continue;
            }
            JsonNode kustomization = Kustomizations.read(input.root().resolve(file));
            JsonNode images = kustomization.path("images");
            if (!images.isArray() || images.isEmpty()) {
                continue;
            }
            ManifestDocument document = new ManifestDocument(file, 0, 1, 0, 0, kustomization);
            ObjectRef ref = new ObjectRef(API_VERSION, KIND, null, file);
            for (int i = 0; i < images.size(); i++) {
                for (String field : FIELDS) {
                    change(images.get(i), i, field, registries, names).ifPresent(c -> out.add(new ObjectChange(document, ref, c,
                            c.mode().applies())));
                }
            }
        }
        return out;
    }

    /**
     * An ECR image a kustomization sets.
     *
     * @param file      the kustomization, relative to the input
     * @param reference what its {@code newName} (or {@code name}), {@code newTag} and {@code digest} make
     */
    public record Image(String file, String reference) {
    }

    /** The ECR images the kustomizations of {@code input} set, in file order. */
    public static List<Image> ecrImages(ManifestSet input) {
        List<Image> out = new ArrayList<>();
        if (!input.directory()) {
            return out;
        }
        for (String file : input.passThrough()) {
            if (Kustomizations.isKustomization(file)) {
                for (JsonNode image : Kustomizations.read(input.root().resolve(file)).path("images")) {
                    String name = image.path("newName").asText(image.path("name").asText(""));
                    String tag = image.path("newTag").asText("");
                    String digest = image.path("digest").asText("");
                    String full = name + (tag.isEmpty() ? "" : ":" + tag) + (digest.isEmpty() ? "" : "@" + digest);
                    EcrImageReference.parse(full).ifPresent(ref -> out.add(new Image(file, ref.toString())));
                }
            }
        }
        return out;
    }

    private static Optional<Change> change(JsonNode image, int index, String field, RegistryMap registries,
                                           FrontEndNames names) {
        Optional<EcrImageReference> ecr = EcrImageReference.parse(image.path(field).asText(null));
        if (ecr.isEmpty()) {
            return Optional.empty();
        }
        String path = "/images/" + index + "/" + field;
        Optional<String> target = registries.target(ecr.get());
        String what = field.equals("name") ? "the image the resources name" : "the image it sets";
        if (target.isEmpty()) {
            return Optional.of(Change.finding(path, image.path(field), EcrImageRule.ID, "No ACR target for ECR registry "
                    + ecr.get().host() + " (kustomization images[" + index + "]." + field + "): " + names.setTarget(ecr.get().host()))
                    .withMappingKeys(FrontEndNames.targetKeys(ecr.get().host())));
        }
        return Optional.of(Change.replace(path, image.path(field), TextNode.valueOf(target.get()), EcrImageRule.ID, RuleMode.AUTO,
                "kustomization images[" + index + "]." + field + ": " + what + " is pulled from ACR; repository kept, "
                        + "newTag and digest unchanged (EKS→AKS migration guide, container images)"));
    }

    private static final Pattern VALUE_LINE = Pattern.compile("^(\\s*(?:-\\s+)?(name|newName)\\s*:\\s*)([\"']?)([^\"'#\\s]+)\\3(\\s*(?:#.*)?)$");

    /**
     * {@code text} with each applied change's value replaced where the {@code name:} or {@code newName:} line of
     * that value is; every other line as it was. Empty when a change's line was not found (images written in flow
     * style): the caller then writes the kustomization anew.
     */
    static Optional<String> rewrite(String text, List<Change> changes) {
        int replaced = 0;
        String[] lines = text.split("(?<=\n)", -1);
        StringBuilder out = new StringBuilder(text.length() + 64);
        for (String line : lines) {
            String body = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
            String end = line.substring(body.length());
            String cr = body.endsWith("\r") ? "\r" : "";
            body = body.substring(0, body.length() - cr.length());
            Matcher m = VALUE_LINE.matcher(body);
            if (m.matches()) {
                for (Change c : changes) {
                    if (c.path().endsWith("/" + m.group(2)) && c.before() != null && c.before().asText().equals(m.group(4))) {
                        body = m.group(1) + m.group(3) + c.after().asText() + m.group(3) + m.group(5);
                        replaced++;
                        break;
                    }
                }
            }
            out.append(body).append(cr).append(end);
        }
        return replaced == changes.size() ? Optional.of(out.toString()) : Optional.empty();
    }
}
