# syntax=docker/dockerfile:1
# The oca image: the production jar alone, `oca worker` by default (k8s/ runs `oca schedule apply` from it
# too); the developer commands (local, demo, generate, bench) are in devtools' oca-dev.jar, not here.
#
# Memory, sized for a 2 GiB container limit (the Deployment requests 1536Mi):
#   Java heap                    640 MiB  (-Xmx)
#   DuckDB memory_limit          512 MB   (native, outside the heap; OCA_DUCKDB_MEMORY_LIMIT, shared
#                                         by the OCA_PARALLEL files staged at once)
#   metaspace + code cache       256 MiB  (capped below)
#   direct buffers (gRPC, NIO)   128 MiB  (capped below)
#   threads, GC, malloc arenas  ~300 MiB  headroom
#   total                      ~1.8 GiB  < 2 GiB
# Change the heap with JAVA_TOOL_OPTIONS and DuckDB with OCA_DUCKDB_MEMORY_LIMIT together.
#
# Out of heap the JVM stops at once, with exit code 1 and a report in /tmp/hs_err_pid<pid>.log:
# -XX:+CrashOnOutOfMemoryError without a core dump exits with 1, where -XX:+ExitOnOutOfMemoryError
# would exit with 3, the "files or cases failed" code of oca parse, local and start --wait.

FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
# Dependencies first, so a source change does not download them again. Maven reads every module's
# pom even when it builds only some of them.
COPY pom.xml .
COPY synthetic/pom.xml synthetic/
COPY workflows/pom.xml workflows/
COPY activities/pom.xml activities/
COPY worker/pom.xml worker/
COPY devtools/pom.xml devtools/
RUN mvn -B -q -pl worker -am dependency:go-offline -DexcludeArtifactIds=oca-synthetic,oca-workflows,oca-activities || true
COPY . .
# Only the production jar and the modules it is made of: devtools (oca-dev.jar, with Temporal's test
# server and an embedded PostgreSQL) is not built. synthetic is, for the tests' compilation alone.
RUN mvn -B -q -pl worker -am package -DskipTests

FROM eclipse-temurin:21-jre
# A fixed numeric uid, so Kubernetes can enforce runAsNonRoot.
RUN groupadd --system --gid 10001 oca \
 && useradd --system --uid 10001 --gid oca --no-create-home --home-dir /nonexistent oca
COPY --from=build /src/worker/target/oca-worker.jar /opt/oca/oca-worker.jar
USER 10001:10001
# /tmp must be writable: DuckDB copies its native library to java.io.tmpdir at first use, and
# the work folder (DuckDB files, CSVs, DuckDB's spill folder) lives under it. Kubernetes mounts
# an emptyDir there, so the root filesystem can stay read-only.
ENV JAVA_TOOL_OPTIONS="-Xmx640m -XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=64m -XX:MaxDirectMemorySize=128m -XX:+UseSerialGC -XX:+CrashOnOutOfMemoryError -XX:-CreateCoredumpOnCrash -XX:ErrorFile=/tmp/hs_err_pid%p.log -Djava.io.tmpdir=/tmp" \
    OCA_DUCKDB_MEMORY_LIMIT=512MB \
    OCA_DUCKDB_THREADS=2 \
    OCA_WORK_DIR=/tmp/oca-work \
    OCA_METRICS_PORT=9464
EXPOSE 9464
# The README's launch: JDK 24+ would warn about sun.misc.Unsafe (protobuf, in Temporal's SDK) without
# the flag; this JRE 21 does not know it and ignores it. Launch flags, not JAVA_TOOL_OPTIONS, so that
# a typo in the memory options above still stops the JVM (DockerfileTest runs them).
ENTRYPOINT ["java", "-XX:+IgnoreUnrecognizedVMOptions", "--sun-misc-unsafe-memory-access=allow", "-jar", "/opt/oca/oca-worker.jar"]
CMD ["worker"]
