// Compile-only declaration of the real Jenkins API (see jenkins-api/README.md). Never packaged.
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

public final class Result implements Serializable {
    // Not compile-time constants: plugin bytecode reads them with getstatic from the real class.
    public static final @NonNull Result SUCCESS = new Result("SUCCESS");
    public static final @NonNull Result UNSTABLE = new Result("UNSTABLE");
    public static final @NonNull Result FAILURE = new Result("FAILURE");
    public static final @NonNull Result NOT_BUILT = new Result("NOT_BUILT");
    public static final @NonNull Result ABORTED = new Result("ABORTED");

    private final @NonNull String name;

    private Result(@NonNull String name) {
        this.name = name;
    }

    public boolean isWorseThan(@NonNull Result that) {
        throw new UnsupportedOperationException();
    }

    @Override
    public @NonNull String toString() {
        return name;
    }

    private static final long serialVersionUID = 1L;
}
