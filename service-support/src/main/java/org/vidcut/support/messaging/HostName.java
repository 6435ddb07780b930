package org.vidcut.support.messaging;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The host name, which on Kubernetes is the pod name: what an operator recognises in the management UI. */
public final class HostName {

    private HostName() {}

    public static String current() {
        var fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
