package io.jenkins.plugins.eks2aks.cli;

import picocli.CommandLine;

/** The version from the jar manifest, so it is written in one place: the pom. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Eks2AksCommand.class.getPackage().getImplementationVersion();
        return new String[] {"eks2aks " + (version == null ? "(development build)" : version)};
    }
}
