// Compile-only declaration of the real Jenkins API (see jenkins-api/README.md). Never packaged.
package com.cloudbees.jenkins.plugins.awscredentials;

import com.amazonaws.auth.AWSCredentials;
import com.amazonaws.auth.AWSCredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

public interface AmazonWebServicesCredentials extends StandardCredentials, AwsCredentialsProvider, AWSCredentialsProvider {
    long serialVersionUID = -8931505925778535681L;

    String getDisplayName();

    AwsCredentials resolveCredentials(String mfaToken);

    @Deprecated
    AWSCredentials getCredentials(String mfaToken);
}
