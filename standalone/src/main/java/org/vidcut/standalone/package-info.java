/** Launcher that runs the stand-ins, the api-service and the converter-worker in one JVM. */
package org.vidcut.standalone;
