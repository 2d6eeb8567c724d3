// Compile-only declaration of the real Jenkins API (see jenkins-api/README.md). Never packaged.
package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;

public interface AccessControlled {

    @NonNull ACL getACL();

    default boolean hasPermission(@NonNull Permission permission) {
        throw new UnsupportedOperationException();
    }
}
