package org.vidcut.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes every request report the configured public address as its scheme, host and port, so that links the api
 * builds from the current request ({@code Location}, {@code Link}) never carry a {@code Host} header an attacker
 * chose (cache poisoning, links to the attacker's site).
 */
class PublicAddressFilter extends OncePerRequestFilter {

    private final @Nullable URI publicBaseUrl;

    PublicAddressFilter(@Nullable URI publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var scheme = publicBaseUrl == null ? "http" : publicBaseUrl.getScheme();
        var host = publicBaseUrl == null ? "localhost" : publicBaseUrl.getHost();
        int port = publicBaseUrl == null
                ? request.getLocalPort()
                : publicBaseUrl.getPort() >= 0 ? publicBaseUrl.getPort() : "https".equals(scheme) ? 443 : 80;
        chain.doFilter(new PublicAddressRequest(request, scheme, host, port), response);
    }

    private static final class PublicAddressRequest extends HttpServletRequestWrapper {

        private final String scheme;
        private final String host;
        private final int port;

        PublicAddressRequest(HttpServletRequest request, String scheme, String host, int port) {
            super(request);
            this.scheme = scheme;
            this.host = host;
            this.port = port;
        }

        @Override
        public String getScheme() {
            return scheme;
        }

        @Override
        public String getServerName() {
            return host;
        }

        @Override
        public int getServerPort() {
            return port;
        }

        @Override
        public boolean isSecure() {
            return "https".equals(scheme);
        }

        @Override
        public StringBuffer getRequestURL() {
            var url = new StringBuffer(scheme).append("://").append(host);
            if (!(port == 80 && "http".equals(scheme)) && !(port == 443 && "https".equals(scheme))) {
                url.append(':').append(port);
            }
            return url.append(getRequestURI());
        }
    }
}
