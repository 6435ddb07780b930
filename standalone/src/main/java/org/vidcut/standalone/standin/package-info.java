/** In-process stand-ins for MongoDB, S3 and an AMQP broker that speak the real wire protocols. */
package org.vidcut.standalone.standin;
