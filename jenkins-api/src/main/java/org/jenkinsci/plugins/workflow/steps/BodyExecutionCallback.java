// Compile-only declaration of the real Jenkins API (see jenkins-api/README.md). Never packaged.
package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

// Declared only because BodyInvoker.withCallback(BodyExecutionCallback) takes it (abstract members only).
public abstract class BodyExecutionCallback implements Serializable {

    public abstract void onSuccess(StepContext context, Object result);

    public abstract void onFailure(StepContext context, Throwable t);

    private static final long serialVersionUID = 1L;
}
