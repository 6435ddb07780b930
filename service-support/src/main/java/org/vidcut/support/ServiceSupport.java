package org.vidcut.support;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;
import org.vidcut.support.messaging.AmqpConnectionNaming;
import org.vidcut.support.messaging.AmqpTopology;
import org.vidcut.support.secrets.StartupSecrets;
import org.vidcut.support.storage.StorageSupport;

/**
 * What both services run: the AMQP topology and connection names, the startup secret checks and the object
 * store's settings. An auto-configuration, so that each service's full context has it without importing it, and
 * test slices (MockMvc-only contexts) do not. The defaults of these settings are in
 * {@code service-support-defaults.properties}, written once for both services and loaded by each application
 * class before its own defaults file, so that test slices built from the application class have them too.
 */
@AutoConfiguration
@Import({AmqpTopology.class, AmqpConnectionNaming.class, StartupSecrets.class, StorageSupport.class})
public class ServiceSupport {}
