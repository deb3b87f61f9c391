package org.kontor.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port with the demo profile, on a private in-memory H2 and a private
 * data directory, with the job executor running: tests go through the real entry points (REST, the
 * Camunda webapps) as a client would. All classes with this annotation share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kontor.data-dir=target/test-data/it",
        "spring.datasource.url=jdbc:h2:mem:kontor-it;DB_CLOSE_DELAY=-1",
        "kontor.uploads.engine-rest-max-request-size=1MB",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=500",
        // classifier retraining: tiny sizes, so a test trains in seconds
        "kontor.classifier.retraining.base-documents=240",
        "kontor.classifier.retraining.validation-documents=60",
        "kontor.classifier.retraining.held-out-documents=60",
        "kontor.classifier.retraining.max-epochs=3",
        "kontor.classifier.retraining.min-new-labels=3",
        // delivery planning: short solver budgets
        "kontor.delivery.time-limit=2s"})
@ActiveProfiles("demo")
public @interface KontorIntegrationTest {
}
