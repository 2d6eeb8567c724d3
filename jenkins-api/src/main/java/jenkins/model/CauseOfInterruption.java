// Compile-only declaration of the real Jenkins API (see jenkins-api/README.md). Never packaged.
package jenkins.model;

import java.io.Serializable;

public abstract class CauseOfInterruption implements Serializable {

    public abstract String getShortDescription();
}
