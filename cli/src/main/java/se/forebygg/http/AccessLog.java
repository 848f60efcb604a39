package se.forebygg.http;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.component.ContainerLifeCycle;
import org.slf4j.LoggerFactory;

/**
 * One line per request, once it is answered:
 * {@code 2026-11-27T09:14:03.512Z 127.0.0.1 POST /v1/decisions 200 1873 42ms} (time received, remote
 * address, method, path as sent, status, body bytes sent, milliseconds from the first byte to the
 * answer). Method and path are quoted as error messages quote them (the first 100 characters, then
 * "…"), with anything but printable ASCII replaced by {@code ?}, so no client can forge or flood lines.
 */
final class AccessLog extends ContainerLifeCycle implements RequestLog {
    private final RequestLog.Writer writer;

    AccessLog(RequestLog.Writer writer) {
        this.writer = writer;
        addBean(writer); // started and stopped with the server: a file writer opens and closes its file
    }

    @Override
    public void log(Request request, Response response) {
        try {
            writer.write(line(request, response));
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(AccessLog.class).warn("the access log cannot be written", e);
        }
    }

    static String line(Request request, Response response) {
        String path = request.getHttpURI() == null ? "" : request.getHttpURI().getPath();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - request.getBeginNanoTime());
        return Instant.ofEpochMilli(Request.getTimeStamp(request)) + " " + Request.getRemoteAddr(request) + " "
                + printable(request.getMethod()) + " " + printable(path) + " " + response.getStatus() + " "
                + Response.getContentBytesWritten(response) + " " + millis + "ms";
    }

    private static String printable(String text) {
        String quoted = Problem.quote(text == null || text.isEmpty() ? "-" : text);
        StringBuilder out = new StringBuilder(quoted.length());
        quoted.codePoints().forEach(c -> out.append(c > ' ' && c < 0x7f || c == '…' ? (char) c : '?'));
        return out.toString();
    }
}
