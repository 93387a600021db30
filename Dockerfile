# OrgLLM: Payara Micro 7 on JDK 25 with libtorch on the server classpath.
# Build:  docker build -t orgllm .        (or: docker-compose build)
FROM maven:3.9-eclipse-temurin-25 AS build
WORKDIR /src
COPY pom.xml ./
COPY app-inference app-inference
COPY models/pom.xml models/pom.xml
COPY models/src models/src
COPY db db
COPY app-ejb app-ejb
COPY app-temporal app-temporal
COPY app-web app-web
RUN mvn -B -q -DskipTests install

FROM eclipse-temurin:25-jre
RUN useradd --system --home /opt/orgllm orgllm && apt-get update && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/orgllm
COPY --from=build /src/app-web/target/payara/payara-micro.jar payara-micro.jar
COPY --from=build /src/app-web/target/server-lib server-lib
COPY --from=build /src/app-web/target/orgllm.war orgllm.war
ENV OPENBLAS_NUM_THREADS=1 \
    ORGLLM_MODEL_DIR=/models/base/orgllm-demo \
    ORGLLM_MODELS_ROOT=/models \
    JAVA_TOOL_OPTIONS="--enable-native-access=ALL-UNNAMED --add-modules=jdk.incubator.vector -Dorg.bytedeco.javacpp.cachedir=/opt/orgllm/javacpp"
RUN mkdir -p /models /opt/orgllm/javacpp && chown -R orgllm /opt/orgllm /models
USER orgllm
VOLUME ["/models"]
EXPOSE 8091
HEALTHCHECK --interval=30s --timeout=5s --start-period=300s --retries=3 \
    CMD curl -fsS http://localhost:8091/health/ready || exit 1
ENTRYPOINT ["java", "-jar", "payara-micro.jar", "--nocluster", "--port", "8091", "--contextroot", "/", \
            "--addLibs", "server-lib", "--deploy", "orgllm.war"]
