package io.jenkins.plugins.eks2aks.images.report;

import io.jenkins.plugins.eks2aks.images.registry.JsonValues;

import java.io.IOException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code image-mapping.json}: every moved image's source reference and its target pinned by digest, e.g.
 * <pre>{"schema": "eks2aks.io/image-mapping/v1",
 *  "images": {"1234.dkr.ecr.us-east-1.amazonaws.com/shop/web:1.0": "contoso.azurecr.io/shop/web:1.0@sha256:..."}}</pre>
 * so manifests can be rewritten to pull exactly what was verified.
 */
public final class ImageMappingFile {

    public static final String SCHEMA = "eks2aks.io/image-mapping/v1";

    public String render(Map<String, String> mapping) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", SCHEMA);
        root.put("images", mapping);
        try {
            return JsonValues.PRETTY.asString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("a map of strings always serializes", e);
        }
    }
}
