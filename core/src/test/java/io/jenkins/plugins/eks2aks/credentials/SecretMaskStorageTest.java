package io.jenkins.plugins.eks2aks.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.util.List;

/** The storage shapes: SAS signatures, presigned S3 URLs, connection-string keys. */
class SecretMaskStorageTest {

    @Test
    void masksTheSignatureOfASasUrlAndKeepsWhatPeopleNeedToReadIt() {
        assertEquals("https://acct.blob.core.windows.net/c?sv=2024-08-04&se=2026-12-06&sp=rwl&sig=****",
                SecretMask.TOKENS.mask("https://acct.blob.core.windows.net/c?sv=2024-08-04&se=2026-12-06&sp=rwl&sig=abc%2Bdef%3D"));
        assertEquals("sig=**** then text", SecretMask.TOKENS.mask("sig=abcdef then text"));
    }

    @Test
    void masksPresignedS3ParametersAndConnectionStringKeys() {
        assertEquals("GET /b/k?X-Amz-Credential=****&X-Amz-Signature=****&X-Amz-Expires=900",
                SecretMask.TOKENS.mask("GET /b/k?X-Amz-Credential=AKIA%2F20261205&X-Amz-Signature=0123abcd&X-Amz-Expires=900"));
        assertEquals("DefaultEndpointsProtocol=https;AccountName=a;AccountKey=****;EndpointSuffix=core.windows.net",
                SecretMask.TOKENS.mask("DefaultEndpointsProtocol=https;AccountName=a;AccountKey=Zm9vYmFy+/==;EndpointSuffix=core.windows.net"));
    }

    @Test
    void masksKnownValuesWhereverTheyAppearLongestFirst() {
        SecretMask masking = SecretMask.of(List.of("wJalrXUtnFEMI", "wJalrXUtnFEMI/K7MDENG", "ab"));
        assertEquals("key **** and ****, ab stays", masking.mask("key wJalrXUtnFEMI/K7MDENG and wJalrXUtnFEMI, ab stays"));
        assertEquals("token ****", masking.with(List.of("session-token-1")).mask("token session-token-1"));
    }
}
