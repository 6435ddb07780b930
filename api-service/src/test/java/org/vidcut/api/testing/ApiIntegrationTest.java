package org.vidcut.api.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.annotation.AliasFor;
import org.vidcut.api.auth.TestAuth;

/**
 * The whole api wired together with MockMvc: MongoDB is a database of the class's own on the JVM's {@link
 * InMemoryMongo}, the broker and the object store are as {@link #broker()} and {@link #objectStore()} say. Tokens
 * are signed with {@link TestAuth#SECRET} and passwords hashed cheaply. What a class sets in {@link #properties()}
 * wins over these defaults.
 *
 * <p>A database per class makes every class a context of its own in Spring's context cache. That costs nothing
 * here: each class already differed in its properties (and so in its cache key) before this annotation, and most
 * are {@code @DirtiesContext} because they start sweepers. A class that shares a context with another would have
 * to share its database too; none does.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest
@AutoConfigureMockMvc
@WithInMemoryMongo
public @interface ApiIntegrationTest {

    /**
     * Properties of this class, in {@code key=value} form; they win over the defaults (a token key, cheap password
     * hashes, object store credentials), which are set apart from them in {@link TestInfrastructure}.
     */
    @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
    String[] properties() default {};

    @AliasFor(annotation = SpringBootTest.class, attribute = "webEnvironment")
    SpringBootTest.WebEnvironment webEnvironment() default SpringBootTest.WebEnvironment.MOCK;

    /** The RabbitMQ the api talks to. */
    Endpoint broker() default Endpoint.UNREACHABLE;

    /** The S3 store the api talks to. */
    Endpoint objectStore() default Endpoint.CONFIGURED;

    enum Endpoint {
        /**
         * A port nothing listens on (for the broker with a short connection timeout): jobs are never confirmed,
         * and tests drive tasks with worker events instead; uploads and readiness see the store down.
         */
        UNREACHABLE,
        /** What the api's settings say: RabbitMQ and MinIO on localhost, where they run. */
        CONFIGURED
    }
}
