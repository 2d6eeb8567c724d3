package io.jenkins.plugins.eks2aks.testservers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Picks a free TCP port on the loopback interface for a child server that must be told its port up front.
 *
 * <p>There is an unavoidable window between closing the probe socket and the child binding the port; the kernel
 * hands out ephemeral ports round-robin, so a collision is rare, and a collision shows up as a start-up failure
 * with the child's log, not as a wrong test result.
 */
public final class FreePort {
    private FreePort() {}

    public static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on the loopback interface", e);
        }
    }
}
