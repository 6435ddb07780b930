package org.vidcut.standalone.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import tools.jackson.databind.json.JsonMapper;

/**
 * The configuration convention: the {@code vidcut.*} rows of the table in docs/production.md are exactly the
 * properties in the metadata {@code spring-boot-configuration-processor} generates from the services' properties
 * records, every such record is validated, and no default is written in an annotation (defaults live once, in
 * the defaults files).
 */
class ConfigurationTableTest {

    /** A row of the configuration table: property, then its environment variable (queue tables have none). */
    private static final Pattern VIDCUT_ROW =
            Pattern.compile("^\\| `(vidcut\\.[a-z0-9.\\-]+)` \\| `[A-Z0-9_]+` \\|", Pattern.MULTILINE);

    @Test
    void theTableDocumentsEveryVidcutPropertyOfTheGeneratedMetadataAndNoOther() {
        Set<String> generated = generatedVidcutProperties();
        Set<String> documented = documentedVidcutProperties();
        assertThat(generated)
                .as("vidcut.* properties in the generated metadata")
                .isNotEmpty();

        Set<String> missing = new TreeSet<>(generated);
        missing.removeAll(documented);
        Set<String> extra = new TreeSet<>(documented);
        extra.removeAll(generated);
        assertThat(missing)
                .as("properties the services bind but docs/production.md's configuration table does not document")
                .isEmpty();
        assertThat(extra)
                .as("rows of docs/production.md's configuration table naming no property the services bind")
                .isEmpty();
    }

    @Test
    void everyPropertiesRecordIsValidatedAndLeavesItsDefaultsToTheDefaultsFiles() {
        List<String> problems = new ArrayList<>();
        for (ServiceModule module : ServiceModule.all()) {
            for (Class<?> type : new ConfigurationCatalog(module).applicationTypes()) {
                if (!type.isAnnotationPresent(Validated.class)) {
                    problems.add(type.getName() + " is not @Validated");
                }
                if (type.isRecord()) {
                    for (RecordComponent component : type.getRecordComponents()) {
                        if (component.isAnnotationPresent(DefaultValue.class)) {
                            problems.add(type.getName() + "." + component.getName()
                                    + " has a @DefaultValue: write it in the defaults file");
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    static Set<String> generatedVidcutProperties() {
        Set<String> names = new TreeSet<>();
        for (URL url : resources("META-INF/spring-configuration-metadata.json")) {
            for (Map<String, Object> property : metadataProperties(url)) {
                String name = String.valueOf(property.get("name"));
                if (name.startsWith("vidcut.")) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    static Set<String> documentedVidcutProperties() {
        String document = DeployFiles.read(DeployFiles.root().resolve("docs/production.md"));
        Set<String> names = new TreeSet<>();
        Matcher matcher = VIDCUT_ROW.matcher(document);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static List<URL> resources(String name) {
        try {
            return Collections.list(
                    ConfigurationTableTest.class.getClassLoader().getResources(name));
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
