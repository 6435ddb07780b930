package org.vidcut.api.auth;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Wires bearer authentication of {@code /v1/**} and of the compatibility APIs ({@code /api/**}, {@code /file/**})
 * and the {@link Caller} controller parameter.
 */
@Configuration(proxyBeanMethods = false)
class AuthWebConfiguration implements WebMvcConfigurer {

    private final AuthenticationInterceptor authentication;

    AuthWebConfiguration(
            ObjectProvider<TokenService> tokens,
            ObjectProvider<KnownUsers> users,
            ObjectProvider<TokenlessCallers> tokenless) {
        this.authentication = new AuthenticationInterceptor(tokens, users, tokenless);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(authentication).addPathPatterns("/v1/**", "/api/**", "/file", "/file/**");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
    }
}
