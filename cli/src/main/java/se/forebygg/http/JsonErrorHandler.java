package se.forebygg.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors Jetty answers itself (a malformed request line, headers too large, a handler that threw)
 * in the service's JSON shape instead of an HTML page, quoting nothing the client sent at length.
 */
final class JsonErrorHandler extends ErrorHandler {
    private static final String JSON = "application/json";

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
        response.write(true, ByteBuffer.wrap(Problem.json(text(code, message))), callback);
    }

    private static String text(int status, String message) {
        String standard = HttpStatus.getMessage(status);
        return message == null || message.isBlank() || message.equals(standard)
                ? standard : standard + ": " + Problem.quote(message);
    }
}
