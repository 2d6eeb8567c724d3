// Compile-only declaration of the real Jenkins API (see jenkins-api/README.md). Never packaged.
package hudson.util;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

public final class Secret implements Serializable {
    // Trivial local behaviour for unit tests (see README): the real class encrypts with the controller's key.
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    @NonNull
    public String getPlainText() {
        return value;
    }

    @NonNull
    public static Secret fromString(@CheckForNull String data) {
        return new Secret(data == null ? "" : data);
    }

    @NonNull
    public static String toString(@CheckForNull Secret s) {
        return s == null ? "" : s.value;
    }

    private static final long serialVersionUID = 1L;
}
