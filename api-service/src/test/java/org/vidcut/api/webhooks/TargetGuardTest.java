package org.vidcut.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetGuardTest {

    private static final TargetGuard GUARD = new TargetGuard(false, InetAddress::getAllByName);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1", // loopback
                "127.5.6.7",
                "[::1]",
                "10.1.2.3", // private
                "172.16.0.1",
                "172.31.255.254",
                "192.168.1.1",
                "169.254.169.254", // link-local: the cloud metadata service
                "[fe80::1]",
                "[fc00::1]", // unique-local
                "[fd12:3456:789a::1]",
                "224.0.0.1", // multicast
                "[ff02::1]",
                "0.0.0.0", // any-local
                "[::]",
                "[::ffff:127.0.0.1]", // IPv4-mapped loopback
                "[::ffff:10.0.0.1]",
                "100.64.0.1", // carrier-grade NAT
                "255.255.255.255"
            })
    void refusesNonPublicAddresses(String host) {
        assertThatThrownBy(() -> GUARD.checkUrl("http://" + host + ":8080/hook"))
                .isInstanceOf(WebhookRejected.class)
                .hasMessageContaining("refused");
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "172.32.0.1", "[2606:4700:4700::1111]"})
    void acceptsPublicAddresses(String host) {
        assertThat(GUARD.checkUrl("https://" + host + "/hook")).isNotNull();
    }

    @Test
    void refusesAHostNameThatResolvesToLoopback() {
        assertThatThrownBy(() -> GUARD.checkUrl("http://localhost:8080/hook"))
                .isInstanceOf(WebhookRejected.class)
                .hasMessageContaining("localhost resolves to 127.0.0.1");
    }

    @Test
    void refusesAHostNameWithOnePrivateAddressAmongPublicOnes() throws UnknownHostException {
        var guard =
                new TargetGuard(false, resolving(Map.of("mixed.example", new String[] {"93.184.215.14", "10.0.0.5"})));

        assertThatThrownBy(() -> guard.lookup("mixed.example"))
                .isInstanceOf(TargetAddressRefused.class)
                .hasMessageContaining("10.0.0.5");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://93.184.215.14/x",
                "file:///etc/passwd",
                "gopher://93.184.215.14/",
                "not a url",
                "/relative"
            })
    void acceptsOnlyHttpAndHttpsUrls(String url) {
        assertThatThrownBy(() -> GUARD.checkUrl(url)).isInstanceOf(WebhookRejected.class);
    }

    @Test
    void allowsPrivateTargetsWhenTheSettingSaysSo() throws UnknownHostException {
        var guard = new TargetGuard(true, InetAddress::getAllByName);

        assertThat(guard.checkUrl("http://127.0.0.1:8080/hook")).isNotNull();
        assertThat(guard.lookup("localhost")).isNotEmpty();
    }

    /** A resolver answering from a fixed table, as a DNS server under an attacker's control might. */
    static TargetGuard.Resolver resolving(Map<String, String[]> table) {
        return host -> {
            var addresses = table.get(host);
            if (addresses == null) {
                throw new UnknownHostException(host);
            }
            var resolved = new InetAddress[addresses.length];
            for (int i = 0; i < addresses.length; i++) {
                resolved[i] = InetAddress.getByName(addresses[i]);
            }
            return resolved;
        };
    }
}
