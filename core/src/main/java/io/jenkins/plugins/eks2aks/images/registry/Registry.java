package io.jenkins.plugins.eks2aks.images.registry;

/** One registry and its endpoints. Made by {@link RegistryClients}; thread-safe. */
public final class Registry {

    private final RegistryHttp http;
    private final Manifests manifests;
    private final Blobs blobs;
    private final BlobUploads uploads;
    private final Referrers referrers;
    private final Catalog catalog;

    Registry(RegistryHttp http) {
        this.http = http;
        this.manifests = new Manifests(http);
        this.blobs = new Blobs(http);
        this.uploads = new BlobUploads(http);
        this.referrers = new Referrers(http, manifests);
        this.catalog = new Catalog(http);
    }

    /** host[:port], as in image references. */
    public String host() {
        return http.host();
    }

    public Manifests manifests() {
        return manifests;
    }

    public Blobs blobs() {
        return blobs;
    }

    public BlobUploads uploads() {
        return uploads;
    }

    public Referrers referrers() {
        return referrers;
    }

    public Catalog catalog() {
        return catalog;
    }
}
