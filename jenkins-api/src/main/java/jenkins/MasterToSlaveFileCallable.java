// Compile-only declaration of the real Jenkins API (see jenkins-api/README.md). Never packaged.
package jenkins;

import jenkins.agents.ControllerToAgentFileCallable;

public abstract class MasterToSlaveFileCallable<T> implements ControllerToAgentFileCallable<T> {

    private static final long serialVersionUID = 1L;
}
