# syntax=docker/dockerfile:1
#
# vidcut images, one per service module. Build from the repository root (the build needs the parent pom,
# common-contracts and service-support next to the module); MODULE picks the module to package and
# --target the runtime stage of the same name:
#
#   docker build --build-arg MODULE=api-service --target api-service -t vidcut/api-service:0.1.0 .
#   docker build --build-arg MODULE=converter-worker --target converter-worker -t vidcut/converter-worker:0.1.0 .
#
# The image name and tag are the labels of each target stage; docker-compose.yml and k8s/ use the same
# names, which org.vidcut.standalone.deploy tests check.

FROM eclipse-temurin:17-jdk AS build
ARG MODULE
WORKDIR /build
# Every module's pom is copied because the parent pom lists them all and Maven reads the whole reactor;
# only the sources this image needs follow, so a change to another module keeps this layer cached.
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY common-contracts/pom.xml common-contracts/
COPY service-support/pom.xml service-support/
COPY api-service/pom.xml api-service/
COPY converter-worker/pom.xml converter-worker/
COPY standalone/pom.xml standalone/
COPY common-contracts/src common-contracts/src
COPY service-support/src service-support/src
COPY ${MODULE}/src ${MODULE}/src
# Tests and the format check run in CI, not in the image build.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -pl ${MODULE} -am package -DskipTests -Dspotless.check.skip=true
# Layered extraction: dependencies change rarely, the application often, so they become separate layers.
RUN java -Djarmode=tools -jar ${MODULE}/target/${MODULE}-*-exec.jar \
        extract --layers --launcher --destination /extracted

# What both services run: a JRE, ffmpeg, an unprivileged user and the layered application.
FROM eclipse-temurin:17-jre AS runtime
# The worker converts with ffmpeg and the api probes uploads with ffprobe (vidcut.media.ffprobe-path);
# Debian/Ubuntu's ffmpeg package has both, with libx264, libvpx (VP9) and libopus for the output formats.
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ffmpeg \
    && rm -rf /var/lib/apt/lists/*
RUN groupadd --system --gid 10001 vidcut \
    && useradd --system --uid 10001 --gid vidcut --no-create-home --home-dir /nonexistent \
       --shell /usr/sbin/nologin vidcut
WORKDIR /app
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
# The heap follows the container memory limit; JAVA_TOOL_OPTIONS so a deployment can replace it (the
# worker's ffmpeg shares the container's memory with the JVM).
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75" \
    MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED="true"
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]

# What differs is in one target stage per service, so no shell conditional chooses it.
FROM runtime AS api-service
LABEL org.opencontainers.image.title="vidcut/api-service" \
      org.opencontainers.image.version="0.1.0" \
      org.opencontainers.image.description="vidcut REST API: uploads, tasks, job publishing"
USER 10001:10001
# Only the API port: the actuator listens on the management port (8090), which is never published.
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 \
    CMD curl -fsS "http://127.0.0.1:${MANAGEMENT_SERVER_PORT:-8090}/actuator/health/liveness" > /dev/null || exit 1

FROM runtime AS converter-worker
LABEL org.opencontainers.image.title="vidcut/converter-worker" \
      org.opencontainers.image.version="0.1.0" \
      org.opencontainers.image.description="vidcut conversion worker: ffmpeg trim/resize/convert"
RUN mkdir -p /var/lib/vidcut/work \
    && chown vidcut:vidcut /var/lib/vidcut/work
ENV VIDCUT_WORKER_WORK_DIR="/var/lib/vidcut/work"
# Scratch space for inputs and outputs in flight: a volume so it is not written to the container layer.
VOLUME ["/var/lib/vidcut/work"]
USER 10001:10001
EXPOSE 8081
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 \
    CMD curl -fsS "http://127.0.0.1:${SERVER_PORT:-8081}/actuator/health/liveness" > /dev/null || exit 1
