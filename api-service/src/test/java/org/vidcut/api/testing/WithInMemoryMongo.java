package org.vidcut.api.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * The Spring context of the test points {@code spring.mongodb.uri} at a database of the test class's own on the
 * JVM's {@link InMemoryMongo}. For slice tests ({@code @DataMongoTest}, {@code @WebMvcTest}); {@link
 * ApiIntegrationTest} includes it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextCustomizerFactories(TestInfrastructure.class)
public @interface WithInMemoryMongo {}
