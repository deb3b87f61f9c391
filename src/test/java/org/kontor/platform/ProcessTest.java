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
 * A process test: the real engine and the real beans, a mock servlet environment instead of a server
 * (Camunda's REST starter needs a servlet context), and no job executor, so that the
 * test decides when each async step runs (see {@link ProcessTestSupport}). All classes with this
 * annotation share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
        "kontor.data-dir=target/test-data/process",
        "spring.datasource.url=jdbc:h2:mem:kontor-process;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        // classifier retraining: tiny sizes, so a test trains in seconds
        "kontor.classifier.retraining.base-documents=240",
        "kontor.classifier.retraining.validation-documents=60",
        "kontor.classifier.retraining.held-out-documents=60",
        "kontor.classifier.retraining.max-epochs=3",
        "kontor.classifier.retraining.min-new-labels=3"})
@ActiveProfiles("demo")
public @interface ProcessTest {
}
