// Compile-only declaration of the real Jenkins API (see jenkins-api/README.md). Never packaged.
package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;
import java.util.Collection;
import java.util.concurrent.Future;

// Declared only because BodyInvoker.start() returns it (abstract members only).
public abstract class BodyExecution implements Future<Object>, Serializable {

    public abstract Collection<StepExecution> getCurrentExecutions();

    private static final long serialVersionUID = 1L;
}
