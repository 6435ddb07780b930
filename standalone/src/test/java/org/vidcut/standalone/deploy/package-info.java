/** Checks that the deployment files (Dockerfiles, docker-compose.yml, k8s/) agree with the applications. */
package org.vidcut.standalone.deploy;
