package io.jenkins.plugins.eks2aks.plan;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QuantitiesTest {

    @Test
    void binaryDecimalAndPlainQuantitiesBecomeBytes() {
        assertEquals(20L << 30, Quantities.bytes("20Gi"));
        assertEquals(1_500_000_000L, Quantities.bytes("1.5G"));
        assertEquals(512L << 20, Quantities.bytes("512Mi"));
        assertEquals(1_000_000_000L, Quantities.bytes("1e9"));
        assertEquals(4096, Quantities.bytes("4096"));
        assertEquals(-1, Quantities.bytes(""));
        assertEquals(-1, Quantities.bytes("lots"));
        assertEquals(-1, Quantities.bytes(null));
    }
}
