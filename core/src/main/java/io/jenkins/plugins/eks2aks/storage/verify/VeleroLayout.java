package io.jenkins.plugins.eks2aks.storage.verify;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The files a Velero restore of one backup reads from its bucket: {@code backups/NAME/velero-backup.json}, the
 * resource tarball {@code backups/NAME/NAME.tar.gz}, and the kopia repository of the file-system backups under
 * {@code kopia/NAMESPACE/} (each opened through its {@code kopia.repository} file). Names are relative to the synced prefix, which is the backup location's prefix.
 */
final class VeleroLayout {

    private final String backup;

    VeleroLayout(String backup) {
        this.backup = backup;
    }

    List<Finding> check(Collection<String> source, Collection<String> destination) {
        List<Finding> out = new ArrayList<>();
        for (String required : List.of("backups/" + backup + "/velero-backup.json", "backups/" + backup + "/" + backup + ".tar.gz")) {
            if (!destination.contains(required)) {
                out.add(new Finding(required, Finding.Kind.VELERO_LAYOUT, "Velero cannot restore backup '" + backup + "' without it ("
                        + (source.contains(required) ? "in the source, not copied" : "not in the source either: is the prefix the "
                        + "backup location's prefix, and did the backup complete?") + ")"));
            }
        }
        // One kopia repository per backed-up namespace: kopia/NAMESPACE/, opened through its kopia.repository file.
        source.stream().filter(n -> n.startsWith("kopia/") && n.indexOf('/', 6) > 6)
                .map(n -> n.substring(0, n.indexOf('/', 6) + 1) + "kopia.repository").distinct()
                .filter(repository -> !destination.contains(repository))
                .forEach(repository -> out.add(new Finding(repository, Finding.Kind.VELERO_LAYOUT, "the kopia repository of the "
                        + "file-system backups cannot be opened without it (" + (source.contains(repository)
                        ? "in the source, not copied" : "not in the source either") + ")")));
        return out;
    }
}
