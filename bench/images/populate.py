#!/usr/bin/env python3
"""Loads the benchmark images into a registry through the registry API (no Docker needed).

Usage: populate.py HOST:PORT [COUNT [LAYER_BYTES]]   (default 20 images, 5 MiB layers)
COUNT images x 3 layers of LAYER_BYTES: two base layers shared by every image, one layer of its own; plus one
multi-arch image (OCI index, linux/amd64 and linux/arm64, two layers each). Prints one reference a line."""
import hashlib, json, os, sys, urllib.request

registry = sys.argv[1]          # host:port, plain HTTP
COUNT = int(sys.argv[2]) if len(sys.argv) > 2 else 20
LAYER = int(sys.argv[3]) if len(sys.argv) > 3 else 5 * 1024 * 1024

def req(method, path, body=None, headers=None):
    r = urllib.request.Request(("http://%s%s" % (registry, path)) if path.startswith("/") else path,
                               data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(r) as resp:
            return resp.status, resp.headers
    except urllib.error.HTTPError as e:
        return e.code, e.headers

def blob(repo, data):
    digest = "sha256:" + hashlib.sha256(data).hexdigest()
    status, _ = req("HEAD", "/v2/%s/blobs/%s" % (repo, digest))
    if status != 200:
        status, headers = req("POST", "/v2/%s/blobs/uploads/" % repo)
        loc = headers["Location"]
        loc = loc if loc.startswith("http") else "http://%s%s" % (registry, loc)
        sep = "&" if "?" in loc else "?"
        status, _ = req("PUT", loc + sep + "digest=" + digest, data, {"Content-Type": "application/octet-stream"})
        assert status == 201, status
    return digest, len(data)

def image(repo, tag, layers, arch="amd64"):
    config = json.dumps({"architecture": arch, "os": "linux", "rootfs": {"type": "layers", "diff_ids": []},
                         "config": {"Labels": {"image": repo + ":" + str(tag)}}}).encode()
    cd, cs = blob(repo, config)
    descs = [blob(repo, l) for l in layers]
    m = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                    "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "size": cs, "digest": cd},
                    "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "size": s, "digest": d}
                               for d, s in descs]}).encode()
    digest = "sha256:" + hashlib.sha256(m).hexdigest()
    status, _ = req("PUT", "/v2/%s/manifests/%s" % (repo, tag or digest), m,
                    {"Content-Type": "application/vnd.oci.image.manifest.v1+json"})
    assert status == 201, status
    return digest, len(m)

base = [os.urandom(LAYER), os.urandom(LAYER)]
for i in range(COUNT):
    repo = "bench/app%03d" % i
    image(repo, "1.0", base + [os.urandom(LAYER)])
    print("%s/%s:1.0" % (registry, repo))

entries = []
for arch in ("amd64", "arm64"):
    d, s = image("bench/multi", None, [os.urandom(LAYER), os.urandom(LAYER)], arch)
    entries.append({"mediaType": "application/vnd.oci.image.manifest.v1+json", "size": s, "digest": d,
                    "platform": {"os": "linux", "architecture": arch}})
index = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json", "manifests": entries}).encode()
status, _ = req("PUT", "/v2/bench/multi/manifests/1.0", index, {"Content-Type": "application/vnd.oci.image.index.v1+json"})
assert status == 201, status
print("%s/bench/multi:1.0" % registry)
