package io.jenkins.plugins.eks2aks.steps.credentials;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;

/** Test credentials shared by the step tests. */
public final class StepCredentialsTestSupport {

    private StepCredentialsTestSupport() {
    }

    /** An aws-credentials credential whose resolved keys are ASIAJENKINSEXAMPLE / jenkins/secret/KEY / jenkins-session-token. */
    public static AmazonWebServicesCredentials awsCredential() {
        return StepCredentialsTest.awsCredential();
    }
}
