# syntax=docker/dockerfile:1
# Multi-stage build of the oca worker image, sized for a 2 GiB container:
# heap 640 MiB + DuckDB memory_limit 512 MB + ~300 MiB for metaspace, threads and native buffers.

FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY pom.xml .
COPY workflows/pom.xml workflows/
COPY activities/pom.xml activities/
COPY worker/pom.xml worker/
RUN mvn -B -q dependency:go-offline -DexcludeArtifactIds=oca-workflows,oca-activities || true
COPY . .
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:21-jre
RUN groupadd --system oca && useradd --system --gid oca --home-dir /home/oca --create-home oca \
 && mkdir -p /work /tmp/oca && chown oca:oca /work /tmp/oca
COPY --from=build /src/worker/target/oca-worker.jar /opt/oca/oca-worker.jar
USER oca
WORKDIR /work
# DuckDB copies its ~72 MB native library to java.io.tmpdir at first use and spills to its temp
# directory: both must be writable (mount an emptyDir at /tmp/oca in Kubernetes).
ENV JAVA_TOOL_OPTIONS="-Xmx640m -XX:+UseSerialGC -XX:MaxMetaspaceSize=192m -Djava.io.tmpdir=/tmp/oca" \
    OCA_DUCKDB_MEMORY_LIMIT=512MB \
    OCA_DUCKDB_THREADS=2 \
    OCA_WORK_DIR=/tmp/oca/work
ENTRYPOINT ["java", "-jar", "/opt/oca/oca-worker.jar"]
CMD ["--help"]
