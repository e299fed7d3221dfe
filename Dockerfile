# FaultLab image: build with Maven, run on a slim JRE as a non-root user.
# Built elsewhere (these development machines have no Docker engine):
#   docker build -t faultlab .
#   docker run -p 7070:7070 -e DATABASE_URL=postgres://user:pass@db:5432/faultlab faultlab

FROM maven:3.9-eclipse-temurin-17 AS build
# The build generates jOOQ classes against a throw-away embedded PostgreSQL, which refuses to run as root.
RUN useradd --create-home builder
USER builder
WORKDIR /home/builder/src
COPY --chown=builder pom.xml ./
COPY --chown=builder backend/pom.xml backend/
RUN mvn -B -ntp -pl backend dependency:go-offline -DexcludeArtifactIds=playwright
COPY --chown=builder db db
COPY --chown=builder frontend frontend
COPY --chown=builder backend/src backend/src
RUN mvn -B -ntp -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --create-home --home-dir /app faultlab
WORKDIR /app
COPY --from=build /home/builder/src/backend/target/faultlab.jar /app/faultlab.jar
COPY --chown=faultlab labs /app/labs
USER faultlab
ENV PORT=7070 \
    FAULTLAB_DATA=/app/data \
    FAULTLAB_LABS=/app/labs
EXPOSE 7070
# Only used when DATABASE_URL is unset (the embedded PostgreSQL keeps its data here).
VOLUME /app/data
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/faultlab.jar"]
