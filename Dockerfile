# The decision service (forebygg serve) in a container: built with the Maven Wrapper on a JDK 17,
# run on a JRE 17 as a user without privileges.
#
#   docker build -t forebygg .
#   docker run -p 8080:8080 -e FOREBYGG_SERVE_TOKEN=<a long random token> forebygg
#
# Inside a container the service must listen on 0.0.0.0, which reaches beyond the machine, so serve
# starts only with an access token: FOREBYGG_SERVE_TOKEN, or a mounted file
# (docker run … forebygg serve --host 0.0.0.0 --token-file /run/secrets/forebygg-token). Without one
# the container stops at once with a one-line message: it never serves without a token by default.
# Grants are counted in memory unless --ledger names a database (or an H2 file on a volume under
# /var/lib/forebygg); the access log goes to standard output, other messages to standard error.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests package -pl cli -am

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /var/lib/forebygg --create-home forebygg
COPY --from=build /src/cli/target/forebygg.jar /opt/forebygg/forebygg.jar
COPY --from=build /src/cli/target/lib/ /opt/forebygg/lib/
USER 10001
WORKDIR /var/lib/forebygg
EXPOSE 8080
# No curl needed: bash asks /health itself (HTTP/1.0, so the service closes the connection after answering).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health HTTP/1.0\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
# docker stop sends SIGTERM: serve stops accepting, finishes the requests in flight (up to
# --shutdown-timeout, 30 s by default), then exits. Give docker stop at least that long (-t 35).
STOPSIGNAL SIGTERM
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/forebygg/forebygg.jar"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8080"]
