package fr.veza.platform.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

class ProductionMisconfigurationFailureAnalyzer extends AbstractFailureAnalyzer<ProductionMisconfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ProductionMisconfigurationException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Set these variables (see .env.template), or unset APP_ENV to run on embedded defaults.",
                cause);
    }
}
