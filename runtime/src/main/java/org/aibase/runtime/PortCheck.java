package org.aibase.runtime;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Fails early, in plain words, when the HTTP port is taken: Jetty would only log it and leave AI Base deaf. */
final class PortCheck {

    private PortCheck() {
    }

    static void ensureFree(String host, int port) throws PlatformRuntime.StartupException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new PlatformRuntime.StartupException("cannot listen on " + host + ":" + port + " (" + e.getMessage()
                    + "); stop what uses it or choose another port with --port");
        }
    }
}
