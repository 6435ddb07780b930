/** Tests of the stand-ins through the real MongoDB, MinIO and RabbitMQ clients, and the shared test broker. */
@NullMarked
package org.vidcut.standalone.standin;

import org.jspecify.annotations.NullMarked;
