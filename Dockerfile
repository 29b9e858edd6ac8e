# syntax=docker/dockerfile:1
# Multi-stage build: compile and package on a JDK 25, run on a JDK 25 runtime as a non-root user.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY knowledge knowledge
RUN ./mvnw -B -q package -DskipTests && cp target/frontdesk-*.jar /frontdesk.jar

FROM eclipse-temurin:25-jre
RUN groupadd --system frontdesk && useradd --system --gid frontdesk --home-dir /app frontdesk \
    && mkdir -p /app/knowledge /data && chown -R frontdesk:frontdesk /app /data
WORKDIR /app
COPY --from=build /frontdesk.jar /tmp/frontdesk.jar
COPY tools/fast-start tools/jdk /app/tools/
COPY --chown=frontdesk:frontdesk knowledge /app/knowledge
ENV FRONTDESK_KNOWLEDGE_DIR=/app/knowledge \
    FRONTDESK_DATA_DIR=/data \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
# A fast start: the jar extracted and the JDK's ahead-of-time cache trained by one start of this image's own JVM
# (it indexes the knowledge, answers one question and stops; its data stays in a temporary folder).
RUN JAVA=java bash /app/tools/fast-start /tmp/frontdesk.jar /app/release && rm /tmp/frontdesk.jar
USER frontdesk
VOLUME ["/data", "/app/knowledge"]
EXPOSE 8080
# Liveness: /actuator/health/liveness, readiness: /actuator/health/readiness (knowledge index loaded, database up).
# The health check asks the readiness probe over loopback with bash alone (the runtime image has no curl).
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["java", "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", \
  "-XX:AOTCache=/app/release/app.aot", "-jar", "/app/release/frontdesk.jar"]
