package org.vidcut.standalone.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.TreeSet;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The structure the code keeps, checked on every build: feature packages of each service do not depend on each
 * other in a circle, the contracts stay free of Spring, and every package declares its nullness with
 * {@code @NullMarked}.
 */
class ArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        // the services reach this module as jars, their tests as test-jars: only production classes count
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar") && !location.contains("/test-classes/"))
                .importPackages("org.vidcut");
    }

    @Test
    void featurePackagesOfEachModuleAreFreeOfCycles() {
        for (String module : List.of("api", "worker", "support", "standalone")) {
            slices().matching("org.vidcut." + module + ".(*)..")
                    .should()
                    .beFreeOfCycles()
                    .as("the feature packages of org.vidcut." + module + " are free of cycles")
                    .check(production);
        }
    }

    @Test
    void theContractsDoNotDependOnSpring() {
        noClasses()
                .that()
                .resideInAPackage("org.vidcut.contracts..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..")
                .because("common-contracts is read by clients in other stacks; Spring-aware code is service-support's")
                .check(production);
    }

    @Test
    void everyPackageIsNullMarked() {
        var unmarked = new TreeSet<String>();
        for (JavaClass type : production) {
            var name = type.getPackageName();
            if (!name.startsWith("org.vidcut.") || name.contains(".benchmark")) {
                continue;
            }
            try {
                var info = Class.forName(name + ".package-info");
                if (!info.isAnnotationPresent(NullMarked.class)) {
                    unmarked.add(name);
                }
            } catch (ClassNotFoundException e) {
                unmarked.add(name + " (no package-info.java)");
            }
        }
        assertThat(unmarked)
                .as("packages without @NullMarked on their package-info")
                .isEmpty();
    }
}
