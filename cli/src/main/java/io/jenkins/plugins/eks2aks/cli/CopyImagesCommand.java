package io.jenkins.plugins.eks2aks.cli;

import io.jenkins.plugins.eks2aks.files.PathScope;
import io.jenkins.plugins.eks2aks.images.CopyImagesOptions;
import io.jenkins.plugins.eks2aks.images.CopyImagesRunner;
import io.jenkins.plugins.eks2aks.images.CopyImagesSpec;
import io.jenkins.plugins.eks2aks.images.ImageMigrationSummary;
import io.jenkins.plugins.eks2aks.images.ImageReference;
import io.jenkins.plugins.eks2aks.images.RegistryLogins;
import io.jenkins.plugins.eks2aks.images.auth.AuthFile;
import io.jenkins.plugins.eks2aks.images.auth.CredentialsProvider;
import io.jenkins.plugins.eks2aks.images.auth.RegistryCredentials;
import io.jenkins.plugins.eks2aks.images.select.RepositorySelection;
import io.jenkins.plugins.eks2aks.images.select.SelectionOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code eks2aks copy-images}: images to ACR (or any registry), by ACR import or by copy, verified by digest. */
@Command(name = "copy-images",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Moves container images to the target registry, digest-exact: by ACR server-side import (mode import, the "
                        + "default for an *.azurecr.io target) or by a registry-to-registry copy through this machine (mode copy, "
                        + "any OCI registry). Every tag is checked by digest afterwards.",
                "Images: IMAGE arguments, --images-file, or --repository selections (a repository, or every repository under a "
                        + "prefix ending in *) whose tags --tags, --newest and --all-tags choose; without them each repository's "
                        + "newest tag. Selections are listed through the ECR API, so they work for private ECR registries.",
                "Writes OUT/image-mapping.json (source -> target@digest), OUT/image-report.json and OUT/image-report.md. "
                        + "Exits 0 when every image is in the target, 3 when any failed (the report lists them), 64 on usage errors.",
                "Credentials: ECR sources from the AWS environment (AWS_ACCESS_KEY_ID/..., AWS_PROFILE, roles); an ACR target "
                        + "from AZURE_CLIENT_ID/AZURE_CLIENT_SECRET/AZURE_TENANT_ID; other registries with --authfile or --src-creds/--dest-creds."},
        footer = {"", "Examples:",
                "  eks2aks copy-images --images-file eks2aks/inventory/ecr-images.txt --to contoso.azurecr.io --resource-group rg-aks",
                "  eks2aks copy-images --repository '123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/*' --tags '1\\..*' --newest 3 "
                        + "--to contoso.azurecr.io --resource-group rg-aks",
                "  eks2aks copy-images 123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/web:1.0 --to contoso.azurecr.io --mode copy"})
final class CopyImagesCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "IMAGE", arity = "0..*", description = "Image references, e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/web:1.0")
    List<String> images = new ArrayList<>();

    @Option(names = "--images-file", paramLabel = "FILE",
            description = "References one a line (# comments), or the inventory's JSON report or image list.")
    Path imagesFile;

    @Option(names = "--repository", paramLabel = "REGISTRY/REPO[*]",
            description = "Images by repository: REGISTRY/shop/web, or REGISTRY/shop/* for every repository under the prefix "
                    + "(quote the *). Repeatable. Takes each repository's newest tag unless --tags, --newest or --all-tags say otherwise.")
    List<String> repositories = new ArrayList<>();

    @Option(names = "--tags", paramLabel = "REGEX",
            description = "With --repository: only tags the regular expression matches in full, e.g. '1\\..*' or 'v?[0-9.]+'.")
    String tagPattern;

    @Option(names = "--newest", paramLabel = "N",
            description = "With --repository: the N most recently pushed tags of each repository (after --tags).")
    Integer newest;

    @Option(names = "--all-tags", description = "With --repository: every tag (that --tags matches), not only the newest.")
    boolean allTags;

    @Option(names = "--to", required = true, paramLabel = "REGISTRY[/PREFIX]",
            description = "Target registry, optionally with a repository prefix: contoso.azurecr.io or contoso.azurecr.io/mirror.")
    String to;

    @Option(names = "--mode", paramLabel = "import|copy",
            description = "import: ACR pulls each image (no bytes through this machine); copy: this machine streams them. "
                    + "Default: import for an ACR target, else copy.")
    String mode;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "8",
            description = "Blob transfers (and images in flight) at once. Default: ${DEFAULT-VALUE}.")
    int parallel;

    @Option(names = "--dry-run", description = "List what would be imported or copied, with sizes; write nothing.")
    boolean dryRun;

    @Option(names = "--src-creds", paramLabel = "USER[:PASSWORD]", description = "Credentials for the source registries (plain registries). "
            + "USER alone takes the password from $" + SRC_PASSWORD_ENV + " or --src-password-stdin; USER:PASSWORD works but shows it in the process list.")
    String srcCreds;

    @Option(names = "--src-password-stdin", description = "Read the --src-creds password from standard input (like docker login --password-stdin).")
    boolean srcPasswordStdin;

    @Option(names = "--dest-creds", paramLabel = "USER[:PASSWORD]", description = "Credentials for the target registry (plain registries, ACR admin or token). "
            + "USER alone takes the password from $" + DEST_PASSWORD_ENV + " or --dest-password-stdin; USER:PASSWORD works but shows it in the process list.")
    String destCreds;

    @Option(names = "--dest-password-stdin", description = "Read the --dest-creds password from standard input (like docker login --password-stdin).")
    boolean destPasswordStdin;

    @Option(names = "--authfile", paramLabel = "FILE", description = "A Docker or Podman auth file (~/.docker/config.json, "
            + "containers/auth.json): credentials for every source or target host it names, where --src-creds/--dest-creds give none.")
    Path authFile;

    static final String SRC_PASSWORD_ENV = "EKS2AKS_SRC_PASSWORD";
    static final String DEST_PASSWORD_ENV = "EKS2AKS_DEST_PASSWORD";
    /** The environment the command reads (tests replace it); the engine never reads it. */
    Map<String, String> environment = System.getenv();
    /** Where --src-password-stdin / --dest-password-stdin read (tests replace it). */
    InputStream stdin = System.in;

    @Option(names = "--plain-http", paramLabel = "HOST:PORT", description = "A registry served over plain HTTP (test registries). Repeatable.")
    List<String> plainHttp = new ArrayList<>();

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "eks2aks/images",
            description = "Where the mapping and the reports go. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--force", description = "Import mode: overwrite target tags that exist (ACR import mode Force).")
    boolean force;

    @Option(names = "--no-referrers", description = "Copy mode: do not copy signatures, SBOMs and attestations.")
    boolean noReferrers;

    @Option(names = "--resource-group", paramLabel = "NAME", description = "Import mode: the target ACR's resource group.")
    String resourceGroup;

    @Option(names = "--subscription", paramLabel = "ID", description = "Import mode: the target ACR's subscription (default AZURE_SUBSCRIPTION_ID).")
    String subscription;

    @Option(names = {"-q", "--quiet"}, description = "Print only errors and the summary.")
    boolean quiet;

    /** How this command spells each option in the engine's messages. */
    static final CopyImagesOptions.Names NAMES = new CopyImagesOptions.Names("IMAGE arguments", "--images-file",
            new SelectionOptions.Names("--repository", "--tags", "--newest", "--all-tags"), "--to", "--mode", "--parallel",
            "--resource-group", "--subscription", "--out", "--force");

    @Override
    public Integer call() {
        CopyImagesOptions options = new CopyImagesOptions(images, imagesFile == null ? null : imagesFile.toString(),
                new SelectionOptions(repositories, tagPattern, newest, allTags), to, mode, parallel, dryRun, force, !noReferrers,
                resourceGroup, subscription, plainHttp, out.toString());
        CopyImagesSpec request = options.request(NAMES, PathScope.currentFolder());
        checkPasswordOptions();
        AuthFile auths = authFile(request.images(), request.selections(), request.registry());
        RegistryLogins logins = new RegistryLogins(
                srcCreds == null ? null : CredentialsProvider.fixed(credentials(srcCreds, "--src-creds", srcPasswordStdin,
                        "--src-password-stdin", SRC_PASSWORD_ENV)),
                destCreds == null ? null : CredentialsProvider.perHost(Map.of(request.registry(), credentials(destCreds, "--dest-creds",
                        destPasswordStdin, "--dest-password-stdin", DEST_PASSWORD_ENV))),
                auths);
        ConsoleEvents events = new ConsoleEvents(spec.commandLine().getOut(), spec.commandLine().getErr(), false, quiet);
        ImageMigrationSummary summary = new CopyImagesRunner(events).run(request, environment, null, null, logins);
        if (quiet) {
            spec.commandLine().getOut().println(summary.oneLine());
        }
        return summary.failures() > 0 ? Eks2AksCommand.EXIT_ERROR : Eks2AksCommand.EXIT_OK;
    }

    /**
     * USER:PASSWORD (with a warning), or USER with the password from standard input or the environment. Errors never
     * echo the value: it may hold a password (or be one, given without the user).
     */
    private RegistryCredentials credentials(String value, String option, boolean fromStdin, String stdinOption, String envName) {
        int colon = value.indexOf(':');
        if (value.isEmpty() || colon == 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for " + option + ": expected USER or USER:PASSWORD");
        }
        if (colon > 0) {
            if (fromStdin) {
                throw new CommandLine.ParameterException(spec.commandLine(), option + " gives a password and " + stdinOption
                        + " another; give " + option + " USER with " + stdinOption);
            }
            spec.commandLine().getErr().println("eks2aks: warning: " + option + " USER:PASSWORD shows the password in the process list "
                    + "and shell history; prefer " + option + " USER with $" + envName + " or " + stdinOption + ", or --authfile");
            return RegistryCredentials.parse(value);
        }
        String password = fromStdin ? passwordFromStdin(stdinOption) : environment.get(envName);
        if (password == null || password.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " USER needs the password: "
                    + (fromStdin ? "standard input is empty" : "the environment variable " + envName + " is unset or empty")
                    + "; set " + envName + " or pipe it to " + stdinOption);
        }
        return new RegistryCredentials(value, password);
    }

    private void checkPasswordOptions() {
        if (srcPasswordStdin && destPasswordStdin) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Standard input holds one password: give --src-password-stdin or --dest-password-stdin, not both");
        }
        if (srcPasswordStdin && srcCreds == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--src-password-stdin needs the user: --src-creds USER");
        }
        if (destPasswordStdin && destCreds == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--dest-password-stdin needs the user: --dest-creds USER");
        }
    }

    private String passwordFromStdin(String stdinOption) {
        String text;
        try {
            text = new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), stdinOption + ": cannot read standard input: " + e.getMessage());
        }
        // What 'echo $PW |' and a here-string add; anything else is part of the password, as docker login reads it.
        return text.endsWith("\r\n") ? text.substring(0, text.length() - 2) : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    /** Reads --authfile once, and says which of its entries for the hosts of this run cannot be used. */
    private AuthFile authFile(List<String> refs, List<RepositorySelection> selections, String targetRegistry) {
        if (authFile == null) {
            return null;
        }
        AuthFile file = AuthFile.read(authFile);
        Set<String> hosts = new LinkedHashSet<>();
        if (srcCreds == null) {
            for (String ref : refs) {
                try {
                    hosts.add(ImageReference.parse(ref).registry());
                } catch (RuntimeException e) {
                    // An invalid reference fails on its own later, with its own message.
                }
            }
            selections.forEach(selection -> hosts.add(selection.registry()));
        }
        if (destCreds == null) {
            hosts.add(targetRegistry);
        }
        for (String host : hosts) {
            file.note(host).ifPresent(note -> spec.commandLine().getErr().println("eks2aks: note: " + note));
        }
        return file;
    }
}
