/** The converter-worker: stateless, consumes conversion jobs and reports task events; never touches MongoDB. */
package org.vidcut.worker;
