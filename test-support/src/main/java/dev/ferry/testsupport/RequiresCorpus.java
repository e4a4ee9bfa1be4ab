package dev.ferry.testsupport;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Runs the annotated test only when the shared sample corpora ({@code -Dferry.corpus}) exist; says so when skipped. */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresCorpus.Condition.class)
public @interface RequiresCorpus {

    /** The JUnit condition behind {@link RequiresCorpus}. */
    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (TestDatabases.corpus().isPresent()) {
                return ConditionEvaluationResult.enabled("corpus at " + TestDatabases.corpus().get());
            }
            System.err.println("*** SKIPPED (no corpus): " + context.getDisplayName()
                    + " needs ../shared/corpora or -Dferry.corpus=<dir> ***");
            return ConditionEvaluationResult.disabled("SKIPPED: corpus folder absent (set -Dferry.corpus)");
        }
    }
}
