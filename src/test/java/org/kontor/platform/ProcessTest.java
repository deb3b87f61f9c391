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
 * <p>
 * Its engine is named {@value #ENGINE_NAME}, not "default": Camunda keeps engines in a static, JVM-wide
 * registry by name, and /engine-rest and the webapps of the {@link KontorIntegrationTest} server look up
 * "default" there. An engine of this context named "default" would, when this context starts after the
 * server's, take that name over: the server's REST API and Tasklist would then work on this context's
 * database without any Camunda authentication (which is set on the server's own engine).
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
        "kontor.classifier.retraining.min-new-labels=3",
        // delivery planning: short solver budgets
        "kontor.delivery.time-limit=2s",
        "camunda.bpm.process-engine-name=" + ProcessTest.ENGINE_NAME})
@ActiveProfiles("demo")
public @interface ProcessTest {

    String ENGINE_NAME = "processTests";
}
