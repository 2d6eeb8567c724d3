// Compile-only declaration of the real Jenkins API (see jenkins-api/README.md). Never packaged.
package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;
import org.springframework.security.core.Authentication;

public abstract class ACL {

    public abstract boolean hasPermission2(@NonNull Authentication a, @NonNull Permission permission);

    public static final Authentication SYSTEM2 = null;
}
