package dev.ferry.testsupport;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the annotated test only when {@code FERRY_TEST_ORACLE_URL} is set, and says so loudly on stderr when it is not,
 * so that a green build never hides the fact that the Oracle tests did not run.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresOracle.Condition.class)
public @interface RequiresOracle {

    /** The JUnit condition behind {@link RequiresOracle}. */
    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            String url = System.getenv(TestDatabases.ORACLE_ENV);
            if (url != null && !url.isBlank()) {
                return ConditionEvaluationResult.enabled("FERRY_TEST_ORACLE_URL is set");
            }
            String what = context.getDisplayName();
            System.err.println("*** SKIPPED (no Oracle): " + what + " needs FERRY_TEST_ORACLE_URL, e.g. oracle://system:pw@host:1521/FREEPDB1 ***");
            return ConditionEvaluationResult.disabled("SKIPPED: Oracle test " + what + " needs FERRY_TEST_ORACLE_URL");
        }
    }
}
