package se.forebygg.internal;

import java.util.List;
import se.forebygg.engine.Case;
import se.forebygg.spi.Benefit;

/** A case with the facts it brings into the session. Not API. */
public record Prepared(Benefit<Case> kind, Case aCase, List<Object> facts) {
}
