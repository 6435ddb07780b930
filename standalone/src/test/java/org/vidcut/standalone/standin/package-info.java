/** Tests of the stand-ins through the real MongoDB, MinIO and RabbitMQ clients, and the shared test broker. */
package org.vidcut.standalone.standin;
