/** In-process stand-ins for MongoDB, S3 and an AMQP broker that speak the real wire protocols. */
@NullMarked
package org.vidcut.standalone.standin;

import org.jspecify.annotations.NullMarked;
