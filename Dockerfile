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
COPY --from=build /frontdesk.jar /app/frontdesk.jar
COPY --chown=frontdesk:frontdesk knowledge /app/knowledge
USER frontdesk
ENV FRONTDESK_KNOWLEDGE_DIR=/app/knowledge \
    FRONTDESK_DATA_DIR=/data \
    JAVA_TOOL_OPTIONS="--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -XX:MaxRAMPercentage=75"
VOLUME ["/data", "/app/knowledge"]
EXPOSE 8080
# Liveness: /actuator/health/liveness, readiness: /actuator/health/readiness (knowledge index loaded).
ENTRYPOINT ["java", "-jar", "/app/frontdesk.jar"]
