// Compile-only declaration of the real Jenkins API (see jenkins-api/README.md). Never packaged.
package hudson.util;

import java.io.IOException;
import org.kohsuke.stapler.HttpResponse;

public abstract class FormValidation extends IOException implements HttpResponse {

    public enum Kind {
        OK,
        WARNING,
        ERROR
    }

    public static FormValidation error(String message) {
        throw new UnsupportedOperationException();
    }

    public static FormValidation warning(String message) {
        throw new UnsupportedOperationException();
    }

    public static FormValidation ok(String message) {
        throw new UnsupportedOperationException();
    }

    public static FormValidation ok() {
        throw new UnsupportedOperationException();
    }

    public static FormValidation validateRequired(String value) {
        throw new UnsupportedOperationException();
    }

    public final Kind kind;

    private FormValidation(Kind kind) {
        throw new UnsupportedOperationException();
    }

    public abstract String renderHtml();
}
