package io.jenkins.plugins.eks2aks.manifests.rules.storage;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * SC11: mount options of the EFS mount helper ({@code tls}, {@code iam}, {@code accesspoint=…}) mean nothing to
 * Azure Files and make its mounts fail, so they are dropped; generic NFS options are kept.
 */
final class EfsMountOptions {

    private static final Set<String> HELPER_OPTIONS = Set.of("tls", "notls", "iam", "noiam", "ocsp", "noocsp",
            "crossaccount", "accesspoint", "awsprofile", "awscredsuri", "netns", "mounttargetip", "az", "fsap",
            "stunnel", "efs-utils");

    private EfsMountOptions() {
    }

    /** Removals for the EFS-only entries of the array at {@code pointer} (mountOptions of a class or a volume). */
    static List<Change> drop(KubeObject object, String pointer, String ruleId) {
        List<Change> out = new ArrayList<>();
        JsonNode options = object.at(pointer);
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i).asText();
            String name = option.split("=", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (HELPER_OPTIONS.contains(name)) {
                out.add(Changes.of(object, ruleId).remove(pointer + "/" + i, RuleMode.DROP, "mount option '" + option
                        + "' belongs to the EFS mount helper; Azure Files does not know it (catalog SC11, SC12; S4, S6)"));
            }
        }
        return out;
    }
}
