// Compile-only declaration of the real Jenkins API (see jenkins-api/README.md). Never packaged.
package hudson;

import java.io.IOException;

public class AbortException extends IOException {
    public AbortException() {
    }

    public AbortException(String message) {
        super(message);
    }

    private static final long serialVersionUID = 1L;
}
