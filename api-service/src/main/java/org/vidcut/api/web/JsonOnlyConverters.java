package org.vidcut.api.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API speaks JSON only. Spring MVC registers an XML converter whenever Jackson's XML module is on the
 * classpath, and the standalone jar has it (s3proxy needs it), which made {@code Accept: application/xml} answer
 * in XML there and not in the api service. Without the converter such a request is a 406 everywhere.
 */
@Configuration(proxyBeanMethods = false)
class JsonOnlyConverters implements WebMvcConfigurer {

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.configureMessageConvertersList(converters -> converters.removeIf(JsonOnlyConverters::speaksXml));
    }

    private static boolean speaksXml(HttpMessageConverter<?> converter) {
        return converter.getSupportedMediaTypes().stream()
                .anyMatch(type ->
                        type.getSubtype().equals("xml") || type.getSubtype().endsWith("+xml"));
    }
}
