/** Access to the object store: presigned reads of originals and uploads of results, nothing else. */
package org.vidcut.worker.storage;
