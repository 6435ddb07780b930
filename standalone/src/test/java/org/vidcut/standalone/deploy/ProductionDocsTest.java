package org.vidcut.standalone.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import org.springframework.util.ClassUtils;
import org.vidcut.contracts.Topology;

/** docs/production.md against the configuration the applications bind and the deployment files. */
class ProductionDocsTest {

    private static final Pattern ROW =
            Pattern.compile("^\\| `([a-z0-9.\\-]+)` \\| `([A-Z0-9_]+)` \\| ([^|]*) \\|", Pattern.MULTILINE);

    private static String document;
    private static Map<String, Row> rows;

    record Row(String property, String variable, String defaultCell) {}

    @BeforeAll
    static void load() {
        document = DeployFiles.read(DeployFiles.root().resolve("docs/production.md"));
        rows = new LinkedHashMap<>();
        Matcher matcher = ROW.matcher(document);
        while (matcher.find()) {
            rows.put(matcher.group(1), new Row(matcher.group(1), matcher.group(2), matcher.group(3)));
        }
    }

    @Test
    void configurationTableListsEveryPropertyTheApplicationsBind() {
        List<String> missing = new ArrayList<>();
        for (ServiceModule module : ServiceModule.all()) {
            for (ConfigurationCatalog.Property property : new ConfigurationCatalog(module).applicationProperties()) {
                if (!rows.containsKey(property.name())) {
                    missing.add(module.name() + ": " + property.name());
                }
            }
        }
        assertThat(missing)
                .as("rows missing from the configuration table of docs/production.md")
                .isEmpty();
    }

    @Test
    void everyRowNamesTheEnvironmentVariableSpringMapsToItsProperty() {
        assertThat(rows).isNotEmpty();
        rows.values()
                .forEach(row -> assertThat(row.variable())
                        .as(row.property())
                        .isEqualTo(row.property()
                                .replace('.', '_')
                                .replace('-', '_')
                                .toUpperCase(Locale.ROOT)));
    }

    @Test
    void documentedDefaultsAreTheApplicationsDefaults() {
        List<String> wrong = new ArrayList<>();
        for (ServiceModule module : ServiceModule.all()) {
            ConfigurationCatalog catalog = new ConfigurationCatalog(module);
            for (Row row : rows.values()) {
                String value = catalog.defaultValue(row.property());
                if (value != null && !value.contains("${") && !row.defaultCell().contains("`" + value + "`")) {
                    wrong.add(row.property() + ": " + module.name() + " defaults to " + value + ", the table says "
                            + row.defaultCell().strip());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void metricsTableNamesEveryVidcutMeterInItsPrometheusForm() throws IllegalAccessException {
        List<String> meters = new ArrayList<>();
        for (ServiceModule module : ServiceModule.all()) {
            meters.addAll(meterNames(module.basePackage()));
        }
        assertThat(meters).as("meter names declared by the *Metrics classes").isNotEmpty();
        String metricsSection =
                document.substring(document.indexOf("## Metrics"), document.indexOf("## Configuration"));
        for (String meter : meters) {
            assertThat(metricsSection).as(meter).contains("`" + meter.replace('.', '_'));
        }
    }

    @Test
    void namesTheJobsQueueTheImagesAndTheWalkThroughCommands() {
        assertThat(document)
                .contains(Topology.JOBS_QUEUE, Topology.EVENTS_QUEUE, Topology.JOBS_DEAD_LETTER_QUEUE)
                .contains("cp .env.example .env", "docker compose up", "kubectl apply -k k8s/overlays/example")
                .contains("15672", "9001", "8080");
        for (ServiceModule module : ServiceModule.all()) {
            assertThat(document).contains(module.image());
        }
    }

    /** Names of Micrometer meters: {@code static final String} constants of the {@code *Metrics} classes. */
    static List<String> meterNames(String basePackage) throws IllegalAccessException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent();
            }
        };
        scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile(".*Metrics")));
        List<String> names = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
            Class<?> type = ClassUtils.resolveClassName(
                    candidate.getBeanClassName(), ProductionDocsTest.class.getClassLoader());
            for (Field field : type.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && field.getType() == String.class) {
                    field.setAccessible(true);
                    String value = (String) field.get(null);
                    if (value.startsWith("vidcut.")) {
                        names.add(value);
                    }
                }
            }
        }
        return names;
    }
}
