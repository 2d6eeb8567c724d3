// Compile-only declaration of the real Jenkins API (see jenkins-api/README.md). Never packaged.
package com.cloudbees.plugins.credentials.common;

public interface StandardCertificateCredentials extends StandardCredentials, CertificateCredentials {
}
