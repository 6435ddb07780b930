package org.vidcut.api.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The servlet filters that guard every request before Spring MVC sees it. */
@Configuration(proxyBeanMethods = false)
class HttpFilterConfiguration {

    @Bean
    FilterRegistrationBean<PublicAddressFilter> publicAddressFilter(ApiHttpProperties properties) {
        var registration = new FilterRegistrationBean<>(new PublicAddressFilter(properties.publicBaseUrl()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<JsonBodyLimitFilter> jsonBodyLimitFilter(ApiHttpProperties properties) {
        var registration = new FilterRegistrationBean<>(
                new JsonBodyLimitFilter(properties.maxJsonBody().toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
