// Compile-only declaration of the real Jenkins API (see jenkins-api/README.md). Never packaged.
package hudson.util;

import hudson.model.TaskListener;

/**
 * @deprecated implement {@link TaskListener} directly
 */
@Deprecated
public abstract class AbstractTaskListener implements TaskListener {

    private static final long serialVersionUID = 7217626701881006422L;

}
