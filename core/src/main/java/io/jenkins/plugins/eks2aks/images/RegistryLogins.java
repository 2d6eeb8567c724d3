package io.jenkins.plugins.eks2aks.images;

import io.jenkins.plugins.eks2aks.images.auth.CredentialsProvider;

/**
 * Registry credentials a front end has besides the clouds' own (the CLI's {@code --src-creds}, {@code --dest-creds}
 * and {@code --authfile}). Order for every host: the explicit source or target credentials, then the auth file's
 * entry, then the cloud's own (ECR from the AWS settings, an ACR target from Entra ID), else anonymous.
 *
 * @param source   credentials for every source registry, used alone; or null
 * @param target   credentials for the target registry, used alone; or null
 * @param authFile credentials per host, before the clouds'; or null
 */
public record RegistryLogins(CredentialsProvider source, CredentialsProvider target, CredentialsProvider authFile) {

    /** Only the clouds' credentials. */
    public static final RegistryLogins NONE = new RegistryLogins(null, null, null);

    CredentialsProvider sources(CredentialsProvider cloud) {
        return source != null ? source : authFile != null ? authFile.orElse(cloud) : cloud;
    }

    CredentialsProvider target(CredentialsProvider cloud) {
        return target != null ? target : authFile != null ? authFile.orElse(cloud) : cloud;
    }
}
