package se.forebygg.http;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The routes of the service, one per method and path: {@link DecisionHandler} answers exactly these and
 * the OpenAPI document ({@code openapi.json} beside this class) describes exactly these; OpenApiTest
 * holds the two together. A GET route answers HEAD too. A path may hold {@code {name}} segments (one
 * segment each), so a route on a resource, say {@code DELETE /v1/grants/{caseId}}, is one more constant
 * here, one more case in the handler and one more operation in the document.
 */
enum Route {
    DECISIONS("POST", "/v1/decisions", true),
    EXPLANATIONS("POST", "/v1/explanations", true),
    // The caseId in the body, not the path: a caseId may hold any character, a slash too.
    WITHDRAWALS("POST", "/v1/withdrawals", true),
    CASE_SCHEMA("GET", "/v1/schema/case", true),
    DECISION_SCHEMA("GET", "/v1/schema/decision", true),
    OPENAPI("GET", "/v1/openapi.json", true),
    // Behind the token like the decisions: the counts are the service's business, and Prometheus sends a
    // bearer token as easily as anything else. Only the health probe is open (a probe carries no secret).
    METRICS("GET", "/metrics", true),
    HEALTH("GET", "/health", false);

    private final String method;
    private final String path;
    private final boolean tokenNeeded;

    Route(String method, String path, boolean tokenNeeded) {
        this.method = method;
        this.path = path;
        this.tokenNeeded = tokenNeeded;
    }

    /** The method, e.g. {@code POST}. */
    String method() {
        return method;
    }

    /** The path as the OpenAPI document writes it, e.g. {@code /v1/decisions}; the label of its metrics. */
    String path() {
        return path;
    }

    /** Whether a server with an access token wants it on this route. */
    boolean tokenNeeded() {
        return tokenNeeded;
    }

    /** The methods this route answers: its own, and HEAD beside GET. */
    List<String> methods() {
        return method.equals("GET") ? List.of("GET", "HEAD") : List.of(method);
    }

    /** The routes at {@code path}, one per method; empty when there are none. */
    static List<Route> at(String path) {
        List<Route> routes = new ArrayList<>();
        for (Route route : values()) {
            if (route.matches(path)) {
                routes.add(route);
            }
        }
        return routes;
    }

    /** Of {@code routes} (those at one path), the one answering {@code method}; null when none does. */
    static Route answering(List<Route> routes, String method) {
        for (Route route : routes) {
            if (route.methods().contains(method)) {
                return route;
            }
        }
        return null;
    }

    /** The methods answered by {@code routes}, for an {@code Allow} header. */
    static Set<String> allowed(List<Route> routes) {
        Set<String> methods = new LinkedHashSet<>();
        routes.forEach(route -> methods.addAll(route.methods()));
        return methods;
    }

    private boolean matches(String requested) {
        String[] want = path.split("/", -1);
        String[] got = requested.split("/", -1);
        if (want.length != got.length) {
            return false;
        }
        for (int i = 0; i < want.length; i++) {
            boolean parameter = want[i].startsWith("{") && want[i].endsWith("}");
            if (parameter ? got[i].isEmpty() : !want[i].equals(got[i])) {
                return false;
            }
        }
        return true;
    }
}
