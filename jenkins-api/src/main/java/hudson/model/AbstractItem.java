// Compile-only declaration of the real Jenkins API (see jenkins-api/README.md). Never packaged.
package hudson.model;

import java.util.Collection;

public abstract class AbstractItem extends Actionable {

    public abstract Collection<? extends Job> getAllJobs();
}
