package org.vidcut.api.webhooks;

import java.net.InetAddress;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The target guard with the JDK's name resolution, and the HTTP sender built on it. */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    @Bean
    TargetGuard targetGuard(WebhookProperties properties) {
        return new TargetGuard(properties.allowPrivateTargets(), InetAddress::getAllByName);
    }

    @Bean
    WebhookSender webhookSender(WebhookProperties properties, TargetGuard guard) {
        return new WebhookSender(properties, guard, Clock.systemUTC());
    }
}
