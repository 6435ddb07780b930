package org.vidcut.api.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import okhttp3.Dns;

/**
 * Keeps webhook deliveries off the api's own networks (server-side request forgery): a target host must resolve
 * to public addresses only. Checked when a webhook is created and again by every delivery, as the HTTP client's
 * name lookup ({@link Dns}): the client connects to exactly the addresses checked, so a DNS answer that changes
 * after creation, or between a check and the connection, cannot lead it to a private one.
 */
final class TargetGuard implements Dns {

    /** Name resolution; the JDK's in production, a fixed table in tests. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    TargetGuard(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** The URL a webhook may be created with, else {@link WebhookRejected}. */
    URI checkUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            throw new WebhookRejected("url", "is not a valid URL");
        }
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new WebhookRejected("url", "must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new WebhookRejected("url", "must name a host");
        }
        try {
            lookup(hostOf(uri));
        } catch (TargetAddressRefused e) {
            throw new WebhookRejected("url", e.getMessage() + " (refused)");
        } catch (UnknownHostException e) {
            throw new WebhookRejected("url", "the host " + uri.getHost() + " does not resolve");
        }
        return uri;
    }

    /** The host's addresses when all of them may be reached, else {@link TargetAddressRefused}. */
    @Override
    public List<InetAddress> lookup(String host) throws UnknownHostException {
        var addresses = List.of(resolver.resolve(host));
        if (addresses.isEmpty()) {
            throw new UnknownHostException(host);
        }
        if (!allowPrivate) {
            for (var address : addresses) {
                if (!isPublic(address)) {
                    throw new TargetAddressRefused(host, address.getHostAddress());
                }
            }
        }
        return addresses;
    }

    /** The host without the brackets of an IPv6 literal. */
    static String hostOf(URI uri) {
        var host = uri.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        var bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            // "this network" 0/8, carrier-grade NAT 100.64/10, benchmarking 198.18/15, reserved 240/4 and broadcast
            return first != 0
                    && !(first == 100 && second >= 64 && second < 128)
                    && !(first == 198 && (second == 18 || second == 19))
                    && first < 240;
        }
        if (address instanceof Inet6Address) {
            // unique-local fc00::/7; IPv4-compatible and mapped forms are judged by the IPv4 address they carry
            if ((bytes[0] & 0xfe) == 0xfc) {
                return false;
            }
            if (embedsIpv4(bytes)) {
                try {
                    var embedded = InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16));
                    return isPublic(embedded);
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean embedsIpv4(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] == 0 && bytes[11] == 0) || (bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff);
    }
}
