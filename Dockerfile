# syntax=docker/dockerfile:1
# load-bce-to-s3 container: the jar and its lib/ from a Maven build stage, then a JRE image in which routes/ and the
# properties files stay plain files beside the jar, so an operator can mount or edit them without rebuilding.
#   docker build -t load-bce-to-s3 .
#   docker run --rm load-bce-to-s3 --help

# --- build ---------------------------------------------------------------------------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml ./
COPY src ./src
# the cache mount keeps ~/.m2 between builds; tests run in CI, not in the image build
RUN --mount=type=cache,target=/root/.m2 mvn -B -q package -DskipTests

# --- runtime -------------------------------------------------------------------------------------------
# the Ubuntu flavour of Temurin ships curl, which the HEALTHCHECK uses (the Alpine one does not)
FROM eclipse-temurin:17-jre-noble

# a fixed numeric uid/gid so orchestrators (runAsNonRoot) can see it is not root; 1000 is the image's own 'ubuntu'
ARG APP_UID=10001
RUN groupadd --system --gid ${APP_UID} app \
 && useradd --system --uid ${APP_UID} --gid app --home-dir /app --no-create-home --shell /usr/sbin/nologin app

WORKDIR /app
COPY --from=build /build/target/lib/ ./lib/
COPY --from=build /build/target/load-bce-to-s3.jar ./
COPY routes/ ./routes/
COPY application.properties application-production.properties application-local.properties ./
# data/ is where the local profile and a DuckDB warehouse write; a volume mounted there inherits this owner
RUN mkdir -p /app/data && chown app:app /app/data

# production unless told otherwise; the local profile (embedded SQS/S3/DuckDB) is APP_PROFILE=local
ENV APP_PROFILE=production \
    APP_CONFIG_DIR=/app \
    CAMEL_MANAGEMENT_PORT=9876
EXPOSE 9876

USER ${APP_UID}:${APP_UID}

# liveness only: readiness (SQS reachable, ...) going down must not get a healthy JVM restarted
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS -o /dev/null "http://127.0.0.1:${CAMEL_MANAGEMENT_PORT}/observe/health/live" || exit 1

# heap sized from the container's memory limit; an OutOfMemoryError ends the process so the orchestrator restarts it.
# More JVM options: JAVA_TOOL_OPTIONS.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "load-bce-to-s3.jar"]
CMD ["serve"]
