package org.vidcut.standalone.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The configuration properties one service binds: Spring Boot's (from the configuration metadata of every jar
 * on the classpath) plus the service's own {@code @ConfigurationProperties} types, found by scanning its
 * application's package. Answers whether an environment variable reaches a property, the way Spring's
 * relaxed binding maps {@code VIDCUT_STORAGE_PART_SIZE} to {@code vidcut.storage.part-size}.
 */
final class ConfigurationCatalog {

    /** Variables read by the JVM itself rather than by Spring. */
    private static final List<String> JVM_VARIABLES = List.of("JAVA_TOOL_OPTIONS");

    private static List<Property> bootProperties;

    private final ServiceModule service;
    private final List<Property> properties;
    private final List<Property> applicationProperties;
    private final Map<String, String> annotatedDefaults = new LinkedHashMap<>();
    private final List<Class<?>> applicationTypes;

    /**
     * A property a variable can bind to.
     *
     * @param prefixOnly a map or list: variables naming entries below it bind too
     * @param type the target type when known and simple, else String
     */
    record Property(String name, boolean prefixOnly, Class<?> type) {

        boolean matches(String variable) {
            String flat = name.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT);
            String legacy = name.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
            if (variable.equals(flat) || variable.equals(legacy)) {
                return true;
            }
            return prefixOnly && (variable.startsWith(flat + "_") || variable.startsWith(legacy + "_"));
        }
    }

    ConfigurationCatalog(ServiceModule service) {
        this.service = service;
        this.applicationTypes = service.configurationPackages().stream()
                .flatMap(basePackage -> configurationPropertiesTypes(basePackage).stream())
                .toList();
        List<Property> own = new ArrayList<>();
        for (Class<?> type : applicationTypes) {
            collect(type, prefixOf(type), own, annotatedDefaults, 0);
        }
        this.applicationProperties = List.copyOf(own);
        List<Property> all = new ArrayList<>(bootProperties());
        all.addAll(own);
        this.properties = List.copyOf(all);
    }

    List<Class<?>> applicationTypes() {
        return applicationTypes;
    }

    /** The properties of the service's own {@code @ConfigurationProperties} types. */
    List<Property> applicationProperties() {
        return applicationProperties;
    }

    /** The default of a property: the service's defaults file first, then {@code @DefaultValue}; else null. */
    String defaultValue(String property) {
        String fromFile = service.defaults().getProperty(property);
        return fromFile != null ? fromFile.strip() : annotatedDefaults.get(property);
    }

    /**
     * Why each variable does not reach the application: not a property of this service, or a value Spring
     * cannot convert. An empty list means every variable binds.
     */
    List<String> problems(Map<String, String> environment, String where) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            if (JVM_VARIABLES.contains(variable.getKey())) {
                continue;
            }
            Optional<Property> property = bindingProperty(variable.getKey(), variable.getValue());
            if (property.isEmpty()) {
                problems.add(
                        where + ": " + variable.getKey() + " is not a configuration property of " + service.name());
                continue;
            }
            String conversionProblem = conversionProblem(property.get(), variable.getKey(), variable.getValue());
            if (conversionProblem != null) {
                problems.add(where + ": " + variable.getKey() + "=" + variable.getValue() + " " + conversionProblem);
            }
        }
        problems.addAll(applicationTypeProblems(environment, where));
        return problems;
    }

    /** The property the variable binds to, confirmed by Spring's own binder. */
    Optional<Property> bindingProperty(String variable, String value) {
        Binder binder = binder(Map.of(variable, value), false);
        return properties.stream()
                .filter(property -> property.matches(variable))
                .filter(property -> binder.bind(property.name(), String.class).isBound()
                        || (property.prefixOnly()
                                && !binder.bind(property.name(), Bindable.mapOf(String.class, String.class))
                                        .orElse(Map.of())
                                        .isEmpty()))
                .findFirst();
    }

    private String conversionProblem(Property property, String variable, String value) {
        if (property.prefixOnly() || property.type() == String.class) {
            return null;
        }
        try {
            binder(Map.of(variable, value), false).bind(property.name(), property.type());
            return null;
        } catch (RuntimeException e) {
            return "does not convert to " + property.type().getSimpleName() + " (" + rootMessage(e) + ")";
        }
    }

    /** Binds each of the service's own properties types the way the service would: environment over defaults. */
    private List<String> applicationTypeProblems(Map<String, String> environment, String where) {
        List<String> problems = new ArrayList<>();
        for (Class<?> type : applicationTypes) {
            try {
                binder(environment, true).bind(prefixOf(type), Bindable.of(type));
            } catch (RuntimeException e) {
                problems.add(where + ": binding " + type.getSimpleName() + " fails: " + rootMessage(e));
            }
        }
        return problems;
    }

    private Binder binder(Map<String, String> environment, boolean withDefaults) {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addLast(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Collections.unmodifiableMap(environment)));
        if (withDefaults) {
            sources.addLast(new PropertiesPropertySource(service.name() + "-defaults", service.defaults()));
        }
        return new Binder(
                ConfigurationPropertySources.from(sources), null, ApplicationConversionService.getSharedInstance());
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static List<Class<?>> configurationPropertiesTypes(String basePackage) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent();
            }
        };
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        List<Class<?>> types = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
            types.add(ClassUtils.resolveClassName(
                    candidate.getBeanClassName(), ConfigurationCatalog.class.getClassLoader()));
        }
        return types;
    }

    static String prefixOf(Class<?> type) {
        ConfigurationProperties annotation =
                MergedAnnotations.from(type).get(ConfigurationProperties.class).synthesize();
        return annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
    }

    private static void collect(
            Class<?> type, String prefix, List<Property> into, Map<String, String> defaults, int depth) {
        if (depth > 5) {
            return;
        }
        if (type.isRecord()) {
            RecordComponent[] components = type.getRecordComponents();
            AnnotatedElement[] parameters = canonicalParameters(type, components);
            for (int i = 0; i < components.length; i++) {
                add(parameters[i], components[i].getName(), components[i].getType(), prefix, into, defaults, depth);
            }
            return;
        }
        for (Field field : type.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                add(field, field.getName(), field.getType(), prefix, into, defaults, depth);
            }
        }
    }

    /** Annotations such as {@code @DefaultValue} on record components live on the canonical constructor. */
    private static AnnotatedElement[] canonicalParameters(Class<?> record, RecordComponent[] components) {
        Class<?>[] types = java.util.Arrays.stream(components)
                .map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        try {
            return record.getDeclaredConstructor(types).getParameters();
        } catch (NoSuchMethodException e) {
            return components;
        }
    }

    private static void add(
            AnnotatedElement element,
            String javaName,
            Class<?> type,
            String prefix,
            List<Property> into,
            Map<String, String> defaults,
            int depth) {
        Name rename = element.getAnnotation(Name.class);
        String name = prefix + "." + (rename != null ? rename.value() : kebab(javaName));
        DefaultValue defaultValue = element.getAnnotation(DefaultValue.class);
        if (defaultValue != null && defaultValue.value().length == 1) {
            defaults.put(name, defaultValue.value()[0]);
        }
        if (Map.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type) || type.isArray()) {
            into.add(new Property(name, true, String.class));
        } else if (isNested(type)) {
            collect(type, name, into, defaults, depth + 1);
        } else {
            into.add(new Property(name, false, ClassUtils.resolvePrimitiveIfNecessary(type)));
        }
    }

    private static boolean isNested(Class<?> type) {
        return !type.isPrimitive()
                && !type.isEnum()
                && !type.getName().startsWith("java.")
                && (type.isRecord() || type.getName().startsWith("org.vidcut."));
    }

    static String kebab(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static synchronized List<Property> bootProperties() {
        if (bootProperties == null) {
            Map<String, Property> byName = new LinkedHashMap<>();
            for (String resource : List.of(
                    "META-INF/spring-configuration-metadata.json",
                    "META-INF/additional-spring-configuration-metadata.json")) {
                for (URL url : resources(resource)) {
                    for (Map<String, Object> property : metadataProperties(url)) {
                        String name = (String) property.get("name");
                        String type = (String) property.get("type");
                        byName.putIfAbsent(name, bootProperty(name, type));
                    }
                }
            }
            bootProperties = List.copyOf(byName.values());
        }
        return bootProperties;
    }

    private static Property bootProperty(String name, String type) {
        if (type == null) {
            return new Property(name, false, String.class);
        }
        if (type.startsWith("java.util.Map")
                || type.startsWith("java.util.List")
                || type.startsWith("java.util.Set")
                || type.endsWith("[]")) {
            return new Property(name, true, String.class);
        }
        Class<?> resolved = ClassUtils.isPresent(type, null) ? ClassUtils.resolveClassName(type, null) : String.class;
        return new Property(name, false, resolved);
    }

    private static List<URL> resources(String name) {
        try {
            return Collections.list(ConfigurationCatalog.class.getClassLoader().getResources(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> metadataProperties(URL url) {
        try (InputStream in = url.openStream()) {
            Map<String, Object> metadata = JsonMapper.shared().readValue(in, Map.class);
            Object properties = metadata.get("properties");
            return properties == null ? List.of() : (List<Map<String, Object>>) properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
