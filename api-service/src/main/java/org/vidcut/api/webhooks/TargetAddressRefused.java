package org.vidcut.api.webhooks;

import java.net.UnknownHostException;

/**
 * A webhook host resolved to an address deliveries must not reach. An {@link UnknownHostException}, because that
 * is what an HTTP client's name lookup may throw: the delivery then fails before any connection is opened.
 */
class TargetAddressRefused extends UnknownHostException {

    TargetAddressRefused(String host, String address) {
        super(host + " resolves to " + address + ", a private, loopback, link-local or otherwise non-public address");
    }
}
