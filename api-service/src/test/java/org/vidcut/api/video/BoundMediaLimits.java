package org.vidcut.api.video;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/** Media limits bound and validated as the service does it, from its defaults file and a test's own settings. */
final class BoundMediaLimits {

    private BoundMediaLimits() {}

    /** The limits as bound from the given settings over the defaults. */
    static MediaLimits bind(Map<String, String> settings) {
        var validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
        var bound = new HashMap<Object, Object>(defaultsFile());
        bound.putAll(settings);
        return new Binder(new MapConfigurationPropertySource(bound))
                .bindOrCreate(
                        "vidcut.media.limits", Bindable.of(MediaLimits.class), new ValidationBindHandler(validator));
    }

    static MediaLimits defaults() {
        return bind(Map.of());
    }

    /** The service's defaults are written once, in its defaults file. */
    private static Properties defaultsFile() {
        try {
            return PropertiesLoaderUtils.loadAllProperties("api-service-defaults.properties");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
