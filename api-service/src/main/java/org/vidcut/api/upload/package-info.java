/**
 * Direct, resumable uploads: clients send the parts of a large file straight to the object store through
 * presigned S3 multipart links, and the api only probes the joined object.
 */
@NullMarked
package org.vidcut.api.upload;

import org.jspecify.annotations.NullMarked;
