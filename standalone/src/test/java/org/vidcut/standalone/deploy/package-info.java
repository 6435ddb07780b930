/** Checks that the deployment files (Dockerfile, docker-compose.yml, k8s/) agree with the applications. */
package org.vidcut.standalone.deploy;
