package se.forebygg.engine;

/**
 * The figures a person needs to check a decision. Each case type has its own record:
 * {@code PreventiveCalculation}, {@code GrantCalculation}, {@code ProviderCalculation}.
 */
public interface Calculation {
}
